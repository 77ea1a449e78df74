#!/usr/bin/env python3
"""The standalone fedisim with --community N: it prints the spread over states and an admin
token of the community account; the old server's admin list, lookups and directory agree with
the spread, and no answer is a 429. TAP output."""

import json
import re
import ssl
import subprocess
import sys
import urllib.error
import urllib.request

results = []


def check(description, condition, detail=""):
    results.append(condition)
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}")
    if not condition and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")


def get(url, context, token=None):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, context=context) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, None


def main():
    fedisim, config = sys.argv[1], sys.argv[2]
    proc = subprocess.Popen([fedisim, "--config", config, "--community", "60",
                             "--community-seed", "5"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    urls, states, token, ca = [], {}, None, None
    for line in proc.stdout:
        m = re.match(r"^(\S+)\s+(mastodon|gotosocial|akkoma|legacy)\s+(\S+)\s+(https://\S+)$", line)
        if m:
            urls.append(m.group(4))
        m = re.match(r"^community-state (\S+) (\d+)$", line)
        if m:
            states[m.group(1)] = int(m.group(2))
        m = re.match(r"^community-token: (\S+)$", line)
        if m:
            token = m.group(1)
        m = re.match(r"^Trust the test CA: FERRY_CA_FILE=(\S+)$", line)
        if m:
            ca = m.group(1)
        if line.startswith("Running"):
            break
    try:
        check("ten states are printed, 60 members in all", len(states) == 10
              and sum(states.values()) == 60, states)
        check("an admin token is printed", token is not None)
        context = ssl.create_default_context(cafile=ca)
        old = urls[0]

        status, accounts = get(old + "/api/v2/admin/accounts?origin=local&status=active&limit=200",
                               context, token)
        members = [a for a in accounts or [] if re.match(r"^user\d{4}$", a["username"])]
        active = 60 - states.get("deleted", 0) - states.get("suspended", 0)
        check("the admin list has every active member", status == 200 and len(members) == active,
              f"{status} {len(members)} {active}")
        moved = sum(1 for a in members if a["account"].get("moved"))
        check("the moved ones show moved", moved == states["moved"] + states["arriving"]
              + states["done"] + states["elsewhere"], moved)

        status, _ = get(old + "/api/v2/admin/accounts", context, None)
        check("the admin list wants a token", status == 401, status)

        gone = 0
        for i in range(1, 61):
            status, _ = get(old + f"/api/v1/accounts/lookup?acct=user{i:04d}", context, token)
            gone += status == 404
        check("lookup answers 404 for the deleted members", gone == states["deleted"], gone)

        status, listed = get(old + "/api/v1/directory?local=true&limit=80", context)
        check("the directory lists no moved account", status == 200
              and not any(a.get("moved") for a in listed), status)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
