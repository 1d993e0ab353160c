"""Schemathesis over the OpenAPI document, through the real app, as every kind of caller.

For each operation in /schema/openapi.json, and for each caller it can tell apart (the
five roles, a trusted contact's cookie and nobody; only nobody for routes that do not
look at the caller):

- schemathesis's coverage phase: the boundary and wrong-type values the schema implies
  for every parameter and field;
- then HOMEWARD_FUZZ_EXAMPLES requests that Hypothesis draws from the schema, valid and
  invalid on purpose. Valid ones get real ids and codes for some of their parameters and
  fields (so they reach past "not found"), and some get a character that has upset a
  database, a file system or a log before (NUL, CR LF, ...).

Each reply must not be a server error, and its status, content type, headers and body
must be ones the document gives for that operation; invalid requests must be refused.

The requests run on the test's own event loop (the database and its pool live there);
Hypothesis runs in a worker thread and hands each request over. Every run draws the same
requests (a seed per operation and caller), so the suite never fails by chance;
HOMEWARD_FUZZ_SEED=<number> draws others (see docs/api.md).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import zlib
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.generation.drivers import CoverageGenerator
from schemathesis.generation.feedback import FeedbackSources
from schemathesis.generation.overrides import Override
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from backend.app import create_app
from tests.fuzz.conftest import SENT

EXAMPLES = int(os.environ.get("HOMEWARD_FUZZ_EXAMPLES", "60"))
SEED = os.environ.get("HOMEWARD_FUZZ_SEED", "0")
BASE_URL = "https://homeward.test"
CALLERS = ("anonymous", "trusted contact", "young person", "carer", "social worker", "manager", "admin")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
]

# Most dates Hypothesis draws are centuries away, which every date of birth refuses before
# anything else is looked at; draw mostly from this side of the age of a young person.
schemathesis.openapi.format(
    "date", st.one_of(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.dates()).map(dt.date.isoformat)
)

_APP = create_app()
SCHEMA = schemathesis.openapi.from_dict(_APP.openapi_schema.to_schema())
OPERATIONS = {op.label: op for op in (result.ok() for result in SCHEMA.get_all_operations())}


def _reads_the_caller() -> set[str]:
    """Operations whose handler depends on who is calling (a session or a contact)."""
    labels = set()
    for route in _APP.routes:
        for method, (handler, _) in getattr(route, "route_handler_map", {}).items():
            if {"actor", "contact"} & set(handler.parsed_fn_signature.parameters):
                labels.add(f"{method} {route.path_format}")
    return labels


READS_THE_CALLER = _reads_the_caller()


def callers(label: str) -> tuple[str, ...]:
    return CALLERS if label in READS_THE_CALLER else ("anonymous",)


# Characters that have upset a database, a file system or a log before: one of them is
# put into a string of some valid requests (the schema allows them, the app must refuse
# them cleanly).
HOSTILE = ("\x00", "\r\n", "\x1b[31m", "\x7f", "\u2028", "\ufeff")


def strategy(operation, known: dict[str, list[str]]):
    """Requests for `operation`, valid and invalid, each with a draw of real values (or
    None) for its parameters and top-level body fields, and of a hostile character."""
    modes = [operation.as_strategy(generation_mode=mode) for mode in GenerationMode]
    real = st.fixed_dictionaries(
        {name: st.one_of(st.none(), st.sampled_from(values)) for name, values in known.items()}
    )
    hostile = st.one_of(st.none(), st.tuples(st.integers(min_value=0), st.sampled_from(HOSTILE)))
    return st.tuples(st.one_of(modes), real, hostile)


def _strings(value, path=()):
    """(path, text) of every string in a JSON value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, (*path, index))


def prepare(case, real: dict, hostile):
    """Put real values and a hostile character into a valid request (an invalid one must
    stay as it was drawn)."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return case
    containers = [c for c in (case.path_parameters, case.query, case.body) if isinstance(c, dict)]
    for name, value in real.items():
        for container in containers:
            if value is not None and name in container:
                container[name] = value
    places = [(container, path, text) for container in containers for path, text in _strings(container)]
    if hostile is not None and places:
        where, character = hostile
        container, path, text = places[where % len(places)]
        for step in path[:-1]:
            container = container[step]
        cut = where % (len(text) + 1)
        container[path[-1]] = text[:cut] + character + text[cut:]
    return case


async def send(client, case):
    kwargs = case.as_transport_kwargs(base_url=BASE_URL)
    # Schemathesis leaves control characters in path parameters as they are; on the wire
    # they travel percent-encoded.
    url = quote(kwargs["url"], safe="/%:@!$&'()*+,;=-._~?#[]")
    request = {
        "method": kwargs["method"],
        "url": url,
        "headers": kwargs.get("headers"),
        "params": kwargs.get("params"),
    }
    if "json" in kwargs:
        request["json"] = kwargs["json"]
    elif isinstance(kwargs.get("data"), (bytes, str)):
        request["content"] = kwargs["data"]
    elif kwargs.get("data") is not None:
        request["data"] = kwargs["data"]
    return await client.request(**request)


def examples_for(drawing, call, name: str):
    """Hypothesis's test: `EXAMPLES` requests from `drawing`, each sent with `call`. The
    draws depend only on `name` and HOMEWARD_FUZZ_SEED, so a failure comes back the same."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(drawn=drawing)
    def examples(drawn):
        case = prepare(*drawn)
        case.validate_response(call(case), checks=CHECKS)

    return seed(zlib.crc32(name.encode()) + int(SEED))(examples)


def edge_cases(operation):
    """Schemathesis's coverage phase: for each parameter and body field, the boundary and
    wrong-type values its schema implies (deterministic). Its pytest plugin would send
    them from an event loop of its own, so they are taken from its generator (schemathesis
    is pinned: this is not a public interface)."""
    return list(
        CoverageGenerator(
            operation=operation,
            generation_modes=list(GenerationMode),
            generation_config=SCHEMA.config.generation_for(operation=operation, phase="coverage"),
            auth_storage=None,
            override=Override(),
            feedback=FeedbackSources(),
        )
    )


@pytest.mark.parametrize("label", list(OPERATIONS))
async def test_operation_answers_as_documented(scene, label):
    """Edge cases, then drawn requests, as each caller in turn (one scene, to save time:
    building it costs more than a hundred requests)."""
    loop = asyncio.get_running_loop()
    cases = edge_cases(OPERATIONS[label])
    drawing = strategy(OPERATIONS[label], scene.known)
    for caller in callers(label):
        client = scene.clients[caller]

        def call(case, client=client):
            SENT[label] += 1
            return asyncio.run_coroutine_threadsafe(send(client, case), loop).result(timeout=60)

        try:
            for case in cases:
                SENT[label] += 1
                case.validate_response(await send(client, case), checks=CHECKS)
            await asyncio.to_thread(examples_for(drawing, call, f"{label} as {caller}"))
        except Exception as error:
            error.add_note(f"caller: {caller}")
            raise
