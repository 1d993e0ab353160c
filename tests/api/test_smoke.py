async def test_health_reports_the_database_is_reachable(client_for):
    reply = await client_for().get("/health")
    assert reply.status_code == 200
    assert reply.json() == {"status": "ok", "database": "ok"}


async def test_jade_sees_only_herself_in_her_list(world):
    reply = await world.jade.client.get("/api/young-people")
    assert reply.status_code == 200
    assert [row["preferred_name"] for row in reply.json()] == ["Jade"]
