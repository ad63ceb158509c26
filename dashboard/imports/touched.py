"""Which communities' summary rows an import changed, from the rows it wrote and the values they replaced.

A community-month figure counts rows by one community column (dashboard/summaries.py): members by residence,
check-ins and service by the community the member checked in to, claims by the post's community, pairings and
notifications by their own. An import touches the communities its rows name, before and after the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Connection, select

from dashboard.schema import MemberCheckin, PartyMember, VolunteerPost

CHUNK = 500


def _looked_up(connection: Connection, key, value, keys: Iterable) -> set[int]:
    """The `value` column of the rows whose `key` is one of `keys`."""
    keys = sorted({k for k in keys if k is not None})
    found: set[int] = set()
    for start in range(0, len(keys), CHUNK):
        found.update(connection.execute(select(value).where(key.in_(keys[start:start + CHUNK]))).scalars())
    return found


def _values(rows: list[dict], name: str) -> set:
    return {row[name] for row in rows if row.get(name) is not None}


def _checkin_communities(connection: Connection, members: Iterable) -> set[int]:
    return _looked_up(connection, MemberCheckin.member_id, MemberCheckin.community_id, members)


# table -> how its rows (before and after the import) and the ids of updated rows name communities
TOUCHES: dict[str, Callable[[Connection, list[dict], set[int]], set[int]]] = {
    "party_member": lambda c, rows, updated: _values(rows, "residence_community_id") | _checkin_communities(
        c, updated),
    "member_checkin": lambda c, rows, _updated: _values(rows, "community_id") | _looked_up(
        c, PartyMember.id, PartyMember.residence_community_id, _values(rows, "member_id")),
    "service_activity": lambda c, rows, _updated: _checkin_communities(c, _values(rows, "member_id")),
    "post_claim": lambda c, rows, _updated: _looked_up(c, VolunteerPost.id, VolunteerPost.community_id,
                                                       _values(rows, "post_id")),
    "volunteer_post": lambda _c, rows, _updated: _values(rows, "community_id"),
    "member_pairing": lambda _c, rows, _updated: _values(rows, "community_id"),
    "pairing_activity": lambda _c, rows, _updated: _values(rows, "community_id"),
    "notification": lambda _c, rows, _updated: _values(rows, "community_id"),
}


def touched_communities(connection: Connection, table: str, rows: list[dict], updated: set[int]) -> set[int] | None:
    """The communities whose summary rows the import's `rows` (new values and the values they replaced) and
    updated row ids change; None when the table is not known here (the caller rebuilds everything)."""
    touches = TOUCHES.get(table)
    return None if touches is None else touches(connection, rows, updated)
