#!/usr/bin/env python3
"""The second peer for bench-backup.py: the same categories Ferry backs up, fetched with plain
`requests` and four connections (a pool of four threads, a Session each), as a script written
for speed would: every request is one task, a page's next page and its follow-up requests
(relationships in batches of 80, edited posts' histories, media files) queued as soon as the
page is in, so four requests are in flight whenever four can be.
Usage: peer-requests.py BASE_URL TOKEN OUTPUT_DIR (REQUESTS_CA_BUNDLE names the test CA)."""

import json
import os
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import requests

CONNECTIONS = 4
LINK_NEXT = re.compile(r'<([^>]+)>;\s*rel="next"')


class Peer:
    def __init__(self, base_url, token, out):
        self.base_url, self.out = base_url, out
        self.headers = {"Authorization": f"Bearer {token}"}
        self.local = threading.local()
        self.pool = ThreadPoolExecutor(CONNECTIONS)
        self.lock = threading.Lock()
        self.pending = 0
        self.idle = threading.Condition(self.lock)
        self.data = {}
        self.errors = []

    def session(self):
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
        return self.local.session

    def submit(self, func, *args):
        with self.lock:
            self.pending += 1
        self.pool.submit(self.run, func, *args)

    def run(self, func, *args):
        try:
            func(*args)
        except requests.HTTPError as e:
            # A server without the endpoint (GoToSocial has no domain_blocks): as Mastodon.py's
            # peer, the category is left out.
            if e.response is None or e.response.status_code != 404:
                self.errors.append(repr(e))
        except Exception as e:  # noqa: BLE001 - reported at the end
            self.errors.append(repr(e))
        finally:
            with self.lock:
                self.pending -= 1
                if self.pending == 0:
                    self.idle.notify_all()

    def get(self, url, params=None, auth=True):
        if url.startswith("/"):
            url = self.base_url + url
        r = self.session().get(url, params=params, headers=self.headers if auth else None)
        r.raise_for_status()
        return r

    def add(self, key, items):
        with self.lock:
            self.data.setdefault(key, []).extend(items)

    def pages(self, key, url, params=None, each_page=None):
        """One page; the next one and the page's follow-ups queued at once."""
        r = self.get(url, params)
        items = r.json()
        m = LINK_NEXT.search(r.headers.get("Link", ""))
        if m and items:
            self.submit(self.pages, key, m.group(1), None, each_page)
        self.add(key, items)
        if each_page:
            each_page(items)

    def relationships(self, accounts):
        ids = [a["id"] for a in accounts]
        for i in range(0, len(ids), 80):
            self.submit(self.one, "relationships", "/api/v1/accounts/relationships",
                        [("id[]", x) for x in ids[i:i + 80]])

    def one(self, key, url, params=None):
        self.add(key, [self.get(url, params).json()])

    def statuses(self, page):
        for status in page:
            if status.get("edited_at"):
                self.submit(self.one, "history", f"/api/v1/statuses/{status['id']}/history")
            for attachment in status.get("media_attachments") or []:
                self.submit(self.media, attachment)

    def media(self, attachment):
        body = self.get(attachment["url"], auth=False).content
        with open(os.path.join(self.out, "media", str(attachment["id"])), "wb") as f:
            f.write(body)

    def image(self, name, url):
        with open(os.path.join(self.out, name), "wb") as f:
            f.write(self.get(url, auth=False).content)

    def lists(self):
        for lst in self.get("/api/v1/lists").json():
            self.submit(self.pages, f"list {lst['id']}", f"/api/v1/lists/{lst['id']}/accounts",
                        {"limit": 0})
        self.add("lists", [])

    def backup(self):
        os.makedirs(os.path.join(self.out, "media"), exist_ok=True)
        me = self.get("/api/v1/accounts/verify_credentials").json()
        self.data["profile"] = [me]
        acct = f"/api/v1/accounts/{me['id']}"
        self.submit(self.pages, "following", acct + "/following", {"limit": 80},
                    self.relationships)
        self.submit(self.pages, "followers", acct + "/followers", {"limit": 80})
        self.submit(self.pages, "statuses", acct + "/statuses", {"limit": 40}, self.statuses)
        self.submit(self.pages, "bookmarks", "/api/v1/bookmarks", {"limit": 40})
        self.submit(self.pages, "favourites", "/api/v1/favourites", {"limit": 40})
        self.submit(self.pages, "blocks", "/api/v1/blocks", {"limit": 80})
        self.submit(self.pages, "mutes", "/api/v1/mutes", {"limit": 80})
        self.submit(self.pages, "domain_blocks", "/api/v1/domain_blocks", {"limit": 200})
        self.submit(self.pages, "followed_tags", "/api/v1/followed_tags", {"limit": 200})
        self.submit(self.one, "featured_tags", "/api/v1/featured_tags")
        self.submit(self.pages, "endorsements", "/api/v1/endorsements", {"limit": 80})
        self.submit(self.one, "filters", "/api/v2/filters")
        self.submit(self.one, "preferences", "/api/v1/preferences")
        self.submit(self.lists)
        for name in ("avatar", "header"):
            if me.get(name) and "missing.png" not in me[name]:
                self.submit(self.image, name, me[name])
        with self.lock:
            while self.pending > 0:
                self.idle.wait()
        self.pool.shutdown()
        if self.errors:
            sys.exit("peer-requests: " + "; ".join(self.errors[:5]))
        with open(os.path.join(self.out, "everything.json"), "w") as f:
            json.dump(self.data, f)
        print(f"following {len(self.data.get('following', []))} "
              f"posts {len(self.data.get('statuses', []))}")


if __name__ == "__main__":
    Peer(*sys.argv[1:4]).backup()
