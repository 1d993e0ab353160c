#!/usr/bin/env node
// Homeward's push service stand-in for tests.
//
//   node tests/pushservice/serve.js <port> [--exit-with-stdin]
//
// web-push-testing's model checks the VAPID signature and key and really decrypts
// (aes128gcm and aesgcm). Its own CLI listens on every interface; this wrapper reuses
// its express app and model, listens on 127.0.0.1 only, and adds what tests need:
//
//   POST /test-control/fail-next {"count": N, "status": 4xx|5xx, "delay_ms"?: ms, "retry_after"?: "s"}
//        queue N canned answers; each of the next /notify requests takes one and
//        delivers nothing (calls add to the queue)
//   POST /test-control/delay     {"ms": N}   hold every /notify for N ms first (0 = off)
//   POST /test-control/reset                 empty the queue, no delay, forget the counts
//   GET  /test-control/received              per clientHash: arrived, delivered (201), and
//                                            each request's status and push headers
//
// Checks a real push service makes that the model does not (RFC 8030, RFC 8292):
// bodies over 4096 bytes get 413; an unknown Urgency gets 400; a VAPID token whose
// "aud" is not this service's origin, whose "sub" is not mailto:/https:, or whose "exp"
// is past or more than 24 h ahead gets 403; no Authorization header at all (for a
// subscription made with an applicationServerKey) gets 401. The model itself answers
// 400 for a key that is not the subscription's applicationServerKey, a bad signature or
// an unknown clientHash, and 410 once a subscription is expired.
//
// Port 0 picks a free port. Prints "ready <port>" once listening. With
// --exit-with-stdin it exits when its stdin closes, so it dies with the test process.
'use strict';

const WebPushTestingServer = require('web-push-testing/src/server.js');
const {PushApiModel} = require('web-push-testing/src/PushApiModel.js');

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 4096;
const MAX_EXP_AHEAD_SECONDS = 24 * 60 * 60;
const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);

function usage(message) {
	console.error(`${message}\nusage: node serve.js <port> [--exit-with-stdin]`);
	process.exit(2);
}

const args = process.argv.slice(2);
const port = Number(args[0]);
if (args.length === 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
	usage(`invalid port: ${args[0]}`);
}

const controls = {
	failures: [], // canned answers, first in first out
	delayMs: 0,
	received: new Map(), // clientHash -> {arrived, delivered, requests}
};

function reset() {
	controls.failures = [];
	controls.delayMs = 0;
	controls.received.clear();
}

function fail(res, status, message) {
	res.status(status).send({error: {message}});
}

function isCount(value, max) {
	return Number.isInteger(value) && value >= 0 && value <= max;
}

function recordArrival(req, res) {
	const {clientHash} = req.params;
	if (!controls.received.has(clientHash)) {
		controls.received.set(clientHash, {arrived: 0, delivered: 0, requests: []});
	}

	const entry = controls.received.get(clientHash);
	const record = {
		status: null,
		ttl: req.get('TTL') ?? null,
		urgency: req.get('Urgency') ?? null,
		topic: req.get('Topic') ?? null,
		// The model's middleware has moved Content-Encoding to X-Content-Encoding.
		content_encoding: req.get('X-Content-Encoding') ?? req.get('Content-Encoding') ?? null,
		content_type: req.get('Content-Type') ?? null,
		body_bytes: Buffer.isBuffer(req.body) ? req.body.length : null,
	};
	entry.arrived += 1;
	entry.requests.push(record);
	// Counted when the answer is written, before it reaches the sender, so a test that
	// asks right after a send sees it; also counted when the sender has timed out.
	const end = res.end;
	res.end = function (...endArgs) {
		record.status = res.statusCode;
		if (res.statusCode === 201) {
			entry.delivered += 1;
		}

		return end.apply(this, endArgs);
	};
}

function decodeJwtPayload(token) {
	const parts = (token || '').split('.');
	if (parts.length !== 3) {
		return null;
	}

	try {
		return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
	} catch {
		return null;
	}
}

function vapidToken(authorization) {
	const vapid = /^vapid\s+(.*)$/i.exec(authorization);
	if (vapid) {
		const t = /(?:^|,)\s*t=([^,\s]+)/.exec(vapid[1]);
		return t ? t[1] : '';
	}

	const webpush = /^WebPush\s+(\S+)$/.exec(authorization);
	return webpush ? webpush[1] : '';
}

// Returns why the VAPID claims are refused, or null. The signature and key are the
// model's to check; a missing header is left to it too.
function claimsProblem(authorization, origin) {
	if (!authorization) {
		return null;
	}

	const claims = decodeJwtPayload(vapidToken(authorization));
	if (claims === null) {
		return 'VAPID token is not a JWT';
	}

	if (claims.aud !== origin) {
		return `VAPID aud ${JSON.stringify(claims.aud)} is not this push service's origin ${origin}`;
	}

	if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) {
		return `VAPID sub ${JSON.stringify(claims.sub)} must be a mailto: or https: URI`;
	}

	const now = Math.floor(Date.now() / 1000);
	if (!Number.isInteger(claims.exp) || claims.exp <= now || claims.exp > now + MAX_EXP_AHEAD_SECONDS) {
		return `VAPID exp ${JSON.stringify(claims.exp)} must be in the next 24 hours`;
	}

	return null;
}

function addControls(app, model) {
	app.post('/test-control/fail-next', (req, res) => {
		const {count, status, delay_ms: delayMs = 0, retry_after: retryAfter} = req.body || {};
		if (!isCount(count, 1000) || !Number.isInteger(status) || status < 400 || status > 599
			|| !isCount(delayMs, 600_000)) {
			fail(res, 400, 'want {"count": 0..1000, "status": 400..599, "delay_ms"?: ms, "retry_after"?: str}');
			return;
		}

		for (let i = 0; i < count; i += 1) {
			controls.failures.push({status, delayMs, retryAfter});
		}

		res.send({queued: controls.failures.length});
	});

	app.post('/test-control/delay', (req, res) => {
		const {ms} = req.body || {};
		if (!isCount(ms, 600_000)) {
			fail(res, 400, 'want {"ms": 0..600000}');
			return;
		}

		controls.delayMs = ms;
		res.send({ms});
	});

	app.post('/test-control/reset', (req, res) => {
		reset();
		res.send({});
	});

	app.get('/test-control/received', (req, res) => {
		res.send(Object.fromEntries(controls.received));
	});

	// Runs before the model's own /notify handler, which setRequestHandlers() adds later.
	app.post('/notify/:clientHash', (req, res, next) => {
		recordArrival(req, res);
		// Taken on arrival, so concurrent sends use the queue in the order they came.
		const failure = controls.failures.shift();
		const wait = controls.delayMs + (failure ? failure.delayMs : 0);
		const answer = () => {
			if (failure) {
				if (failure.retryAfter !== undefined) {
					res.set('Retry-After', String(failure.retryAfter));
				}

				fail(res, failure.status, `failure injected by /test-control/fail-next (${failure.status})`);
				return;
			}

			const origin = new URL(model.notifyUrl).origin;
			// Pushes without a payload reach the model, which cannot take them (400).
			if (!Buffer.isBuffer(req.body) && Number(req.get('Content-Length') || 0) > 0) {
				fail(res, 400, 'body must be sent as application/octet-stream');
			} else if (req.body.length > MAX_BODY_BYTES) {
				fail(res, 413, `body of ${req.body.length} bytes is over ${MAX_BODY_BYTES}`);
			} else if (req.get('Urgency') !== undefined && !URGENCIES.has(req.get('Urgency'))) {
				fail(res, 400, `Urgency must be one of ${[...URGENCIES].join(', ')}`);
			} else if (!req.get('Authorization') && model.subscriptions[req.params.clientHash]?.applicationServerKey) {
				// The model would answer 400 "Cannot read properties of undefined".
				fail(res, 401, 'VAPID Authorization header missing');
			} else {
				const problem = claimsProblem(req.get('Authorization'), origin);
				if (problem) {
					fail(res, 403, problem);
				} else {
					next();
				}
			}
		};

		// A sender that times out has gone, but the message is still handled, as a real
		// push service may have accepted it: a time-out is no proof of non-delivery.
		if (wait > 0) {
			setTimeout(answer, wait);
		} else {
			answer();
		}
	});
}

function main() {
	const model = new PushApiModel();
	const pushServer = new WebPushTestingServer(model, port);
	const app = pushServer._app;
	addControls(app, model);
	pushServer.setRequestHandlers();

	const server = app.listen(port, HOST, () => {
		const actualPort = server.address().port;
		// Endpoints name the port really bound; host "localhost" as web-push-testing does.
		model.notifyUrl = `http://localhost:${actualPort}/notify/`;
		console.log(`ready ${actualPort}`);
	});
	server.on('error', err => {
		console.error(`push service stand-in: ${err.message}`);
		process.exit(1);
	});

	const stop = () => {
		server.close();
		server.closeAllConnections();
		process.exit(0);
	};

	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	if (args.includes('--exit-with-stdin')) {
		process.stdin.on('end', stop);
		process.stdin.on('error', stop);
		process.stdin.resume();
	}
}

main();
