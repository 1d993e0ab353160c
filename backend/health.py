"""GET /health: is this process able to reach its database?"""

from litestar import Response, get

from backend.db import check_database


@get("/health", tags=["health"], include_in_schema=True)
async def health() -> Response[dict]:
    if await check_database():
        return Response({"status": "ok", "database": "ok"})
    return Response({"status": "unhealthy", "database": "unreachable"}, status_code=503)
