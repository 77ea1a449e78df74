#!/usr/bin/env python3
"""The peer for bench-backup.py: the same backup as Ferry's, fetched the way a script built on
Debian's python3-mastodon (Mastodon.py) does it: one request after another, following the Link
headers, relationships in batches of 80, then each edited post's history and every media file.
Usage: peer-mastodonpy.py BASE_URL TOKEN OUTPUT_DIR (REQUESTS_CA_BUNDLE names the test CA)."""

import json
import os
import sys

import requests
from mastodon import Mastodon
from mastodon.errors import MastodonNotFoundError


def main():
    base_url, token, out = sys.argv[1:4]
    os.makedirs(os.path.join(out, "media"), exist_ok=True)
    m = Mastodon(access_token=token, api_base_url=base_url, version_check_mode="none",
                 ratelimit_method="wait")
    http = requests.Session()
    data = {}

    me = m.account_verify_credentials()
    data["profile"] = me
    data["following"] = m.fetch_remaining(m.account_following(me["id"], limit=80))
    ids = [a["id"] for a in data["following"]]
    data["relationships"] = []
    for i in range(0, len(ids), 80):
        data["relationships"] += m.account_relationships(ids[i:i + 80])
    data["followers"] = m.fetch_remaining(m.account_followers(me["id"], limit=80))
    data["blocks"] = m.fetch_remaining(m.blocks(limit=80))
    data["mutes"] = m.fetch_remaining(m.mutes(limit=80))
    try:
        data["domain_blocks"] = m.fetch_remaining(m.domain_blocks(limit=200))
    except MastodonNotFoundError:
        data["domain_blocks"] = None
    data["lists"] = []
    for lst in m.lists():
        data["lists"].append({"list": lst, "members": m.list_accounts(lst["id"], limit=0)})
    data["bookmarks"] = m.fetch_remaining(m.bookmarks(limit=40))
    data["favourites"] = m.fetch_remaining(m.favourites(limit=40))
    # Mastodon.py 1.8 (Debian 12) has no calls for these: its generic request, as scripts do.
    api = m._Mastodon__api_request
    data["followed_tags"] = m.fetch_remaining(api("GET", "/api/v1/followed_tags", {"limit": 200}))
    data["featured_tags"] = m.featured_tags()
    data["endorsements"] = m.fetch_remaining(m.endorsements())
    data["filters"] = api("GET", "/api/v2/filters")
    pinned = m.account_statuses(me["id"], pinned=True, limit=40)
    statuses = m.fetch_remaining(m.account_statuses(me["id"], limit=40))
    pinned_ids = {s["id"] for s in pinned}
    with open(os.path.join(out, "posts.jsonl"), "w") as posts:
        for status in statuses:
            if status.get("edited_at"):
                status["history"] = api("GET", f"/api/v1/statuses/{status['id']}/history")
            status["pinned"] = status["id"] in pinned_ids
            for attachment in status.get("media_attachments") or []:
                body = http.get(attachment["url"]).content
                with open(os.path.join(out, "media", str(attachment["id"])), "wb") as f:
                    f.write(body)
            posts.write(json.dumps(status, default=str) + "\n")
    for image in ("avatar", "header"):
        if me.get(image) and "missing.png" not in me[image]:
            with open(os.path.join(out, image), "wb") as f:
                f.write(http.get(me[image]).content)
    with open(os.path.join(out, "everything.json"), "w") as f:
        json.dump(data, f, default=str)
    print(f"following {len(data['following'])} posts {len(statuses)}")


if __name__ == "__main__":
    main()
