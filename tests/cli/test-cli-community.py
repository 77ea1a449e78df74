#!/usr/bin/env python3
"""ferry-cli community end to end against the standalone fedisim with --community: a new
community, the roster from the directory and from a file, a check of some members (each asked
once on the old server, none twice, no 429), status --json, the roster exported; then, signed in
as the community's account, the announcement posted, pinned and read back (and not posted again),
the shared list's files, the guide as a web page, and verify. TAP output."""

import datetime
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fedisim_run import Fedisim, check, cli_env, finish, sign_in, skip_without_keyring  # noqa: E402,E501

N = 40
CHECKED = 6


class CommunityFedisim(Fedisim):
    def __init__(self, fedisim, config):
        self.process = subprocess.Popen([fedisim, "--config", config, "--community", str(N),
                                         "--community-seed", "3"],
                                        stdout=subprocess.PIPE, text=True)
        self.hosts, self.names, self.tokens, self.states, self.ca = {}, [], [], {}, None
        for line in self.process.stdout:
            m = re.match(r"^(\S+)\s+\S+\s+\S+\s+https://(\S+)$", line)
            if m:
                self.hosts[m.group(1)] = m.group(2)
                self.names.append(m.group(1))
            m = re.match(r"^community-state (\S+) (\d+)$", line)
            if m:
                self.states[m.group(1)] = int(m.group(2))
            m = re.match(r"^community-user: (\S+) password: (\S+)$", line)
            if m:
                self.community_user = m.group(1), m.group(2)
            m = re.match(r"^Trust the test CA: FERRY_CA_FILE=(\S+)$", line)
            if m:
                self.ca = m.group(1)
            if line.startswith("Running"):
                break


    def dump(self):
        """Requests per route of every server since the last dump (SIGUSR1): name -> dict."""
        self.process.send_signal(signal.SIGUSR1)
        counts = {name: {} for name in self.names}
        for line in self.process.stdout:
            if line.startswith("requests "):
                name, route, n = line[len("requests "):].rstrip("\n").split("\t")
                counts[name][route] = counts[name].get(route, 0) + int(n)
            elif line.startswith(f"answers {self.names[-1]} "):
                return counts


def main():
    fedisim, browse, cli, config = sys.argv[1:5]
    if skip_without_keyring():
        return 0
    server = CommunityFedisim(fedisim, config)
    old_name, new_name = server.names[0], server.names[1]
    old, new = server.hosts[old_name], server.hosts[new_name]
    with tempfile.TemporaryDirectory() as home:
        store = os.path.join(home, "communities")
        env = cli_env(server.ca, os.path.join(home, "config"), XDG_DATA_HOME=home)

        def run(*args):
            r = subprocess.run([cli, "community", *args, "--store", store, "--ca-file", server.ca],
                               env=env, capture_output=True, text=True, timeout=120)
            return r.returncode, r.stdout, r.stderr

        try:
            deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
            rc, out, err = run("new", "Club", "--old", old, "--new", new, "--deadline", deadline)
            check("community new", rc == 0 and out.strip(), out + err)
            rc, out, err = run("list")
            check("community list shows it", rc == 0 and "Club" in out and old in out, out + err)

            server.dump()
            rc, out, err = run("roster", "refresh", "Club", "--directory")
            m = re.search(r"(\d+) found, (\d+) new", out)
            check("the roster from the directory", rc == 0 and m and int(m.group(1)) > 0,
                  out + err)
            pages = server.dump()[old_name].get("GET /api/v1/directory", 0)
            check("the directory read page by page, none twice (the last one empty)",
                  pages == 2, pages)

            roster = os.path.join(home, "members.txt")
            with open(roster, "w") as f:
                for i in range(1, N + 1):
                    f.write(f"user{i:04d}@{old}\n")
                f.write("# a comment\nnot an address\n")
            rc, out, err = run("roster", "import", "Club", roster)
            check("the roster from a file", rc == 0 and "lines skipped" in out, out + err)

            rc, out, err = run("status", "Club", "--json")
            status = json.loads(out) if rc == 0 else {}
            members = [m["old_address"] for m in status.get("members", [])]
            fixture = [a for a in members if re.match(r"^user\d{4}@", a)]
            check("every member in the roster", len(fixture) == N, members)

            only = []
            for i in range(1, CHECKED + 1):
                only += ["--only", f"user{i:04d}@{old}"]
            server.dump()
            rc, out, err = run("check", "Club", *only)
            check("community check", rc == 0 and f"{CHECKED} checked" in out, out + err)
            routes = server.dump()
            old_routes, new_routes = routes[old_name], routes[new_name]
            lookups = old_routes.get("GET /api/v1/accounts/lookup", 0)
            check("each member asked once on the old server", lookups == CHECKED, str(old_routes))
            check("at most once on the new server",
                  new_routes.get("GET /api/v1/accounts/lookup", 0) <= CHECKED, new_routes)
            check("nothing else asked of the old server",
                  sum(old_routes.values()) == lookups, old_routes)

            rc, out, err = run("status", "Club", "--json")
            status = json.loads(out) if rc == 0 else {}
            states = {m["old_address"]: m["state"] for m in status.get("members", [])}
            checked = [states.get(f"user{i:04d}@{old}") for i in range(1, CHECKED + 1)]
            check("the checked members have a state", all(s and s != "unknown" for s in checked),
                  checked)
            check("the others are not checked yet",
                  all(states[a] == "unknown" for a in states
                      if not any(a == f"user{i:04d}@{old}" for i in range(1, CHECKED + 1))))
            check("the counts add up", sum(status.get("counts", {}).values()) == len(members),
                  status.get("counts"))

            rc, out, err = run("status", "Club")
            check("status in words", rc == 0 and "days to the deadline" in out, out + err)
            rc, out, err = run("export", "roster", "Club")
            check("export roster: a header and a row per member",
                  rc == 0 and len(out.strip().splitlines()) == len(members) + 1, out[-300:] + err)
            out_file = os.path.join(home, "roster.csv")
            rc, out, err = run("export", "roster", "Club", "--output", out_file)
            check("export roster to a file, 0600",
                  rc == 0 and (os.stat(out_file).st_mode & 0o777) == 0o600, err)
            # Killed mid-pass: what was learnt before (the store saves 0.5 s after each member)
            # is in the file, the file is whole, and the next pass checks the rest.
            later = [f"user{i:04d}@{old}" for i in range(CHECKED + 1, 2 * CHECKED + 1)]
            argv = [cli, "community", "check", "Club", "--store", store, "--ca-file", server.ca]
            for a in later:
                argv += ["--only", a]
            server.dump()
            run_ = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            seen = 0
            while run_.poll() is None and seen < 4:
                seen += server.dump()[old_name].get("GET /api/v1/accounts/lookup", 0)
                time.sleep(0.05)
            run_.send_signal(signal.SIGKILL)
            run_.wait()
            check("the pass was killed midway", seen >= 4 and seen < CHECKED, seen)
            rc, out, err = run("status", "Club", "--json")
            states = {m["old_address"]: m["state"] for m in json.loads(out)["members"]} \
                if rc == 0 else {}
            kept = [a for a in later if states.get(a, "unknown") != "unknown"]
            check("the file is whole after the kill, with what was learnt", rc == 0 and
                  len(kept) >= seen - 2, f"{rc} {kept} {seen} {err}")
            server.dump()
            rc, out, err = run("check", "Club", *sum((["--only", a] for a in later), []))
            asked = server.dump()[old_name].get("GET /api/v1/accounts/lookup", 0)
            check("the next pass checks them all, each once", rc == 0 and asked == CHECKED,
                  f"{asked} {out} {err}")

            rc, out, err = run("check", "Nobody")
            check("an unknown community is refused", rc != 0 and "no community" in err, err)
            rc, out, err = run("announce", "Club")
            check("announce without the helper's account: told to sign in",
                  rc != 0 and "login" in err, err)

            # The admin path: the helper signs in with --community-admin (the browser played by
            # fedisim-browse), and the roster comes from the old server's admin list.
            code, out = sign_in(cli, browse, server.ca, env, old, "old", "community", "password",
                                ["--community-admin"])
            check("the admin sign-in asks for admin:read:accounts",
                  code == 0 and "admin%3Aread%3Aaccounts" in out.splitlines()[0], out)
            server.dump()
            rc, out, err = run("roster", "refresh", "Club", "--admin")
            m = re.search(r"(\d+) found", out)
            active = N - server.states.get("deleted", 0) - server.states.get("suspended", 0)
            check("the roster from the admin list: every active member",
                  rc == 0 and m and int(m.group(1)) >= active, out + err)
            admin_pages = server.dump()[old_name]
            check("the admin list asked once, no other server asked",
                  admin_pages.get("GET /api/v2/admin/accounts", 0) == 1, admin_pages)

            user, password = server.community_user
            name, host = user.split("@", 1)
            code, out = sign_in(cli, browse, server.ca, env, host, "old", name, password)
            check("signed in as the community's account", code == 0, out)
            rc, out, err = run("announce", "Club", "--no-reminders")
            check("a sign-in that may not post: refused, told how to sign in",
                  rc != 0 and "--community-helper" in err and
                  server.dump()[old_name].get("POST /api/v1/statuses", 0) == 1, err)
            code, out = sign_in(cli, browse, server.ca, env, host, "old", name, password,
                                ["--community-helper"])
            check("signed in again, allowed to post", code == 0, out)
            code, out = sign_in(cli, browse, server.ca, env, new, "new", "alice2",
                                "staple-battery")
            check("signed in to the helper's new account", code == 0, out)
            server.dump()
            rc, out, err = run("announce", "Club", "--no-reminders")
            routes = server.dump()
            posts = routes[old_name].get("POST /api/v1/statuses", 0)
            check("announce: posted once, pinned, read back",
                  rc == 0 and posts == 1 and
                  routes[old_name].get("POST /api/v1/statuses/:id/pin", 0) == 1, f"{routes} {out} {err}")
            check("nothing posted on the new server",
                  not any(r.startswith("POST") for r in routes[new_name]), routes[new_name])
            rc, out, err = run("announce", "Club", "--no-reminders")
            posts = server.dump()[old_name].get("POST /api/v1/statuses", 0)
            check("announce again: nothing posted twice", rc == 0 and posts == 0, f"{out} {err}")
            rc, out, err = run("status", "Club", "--json")
            posts = json.loads(out).get("posts", []) if rc == 0 else []
            check("the announcement is in the community's file, confirmed and pinned",
                  [(p["key"], p["confirmed"], p["pinned"]) for p in posts] ==
                  [("announcement", True, True)], posts)

            lists = os.path.join(home, "shared")
            rc, out, err = run("list", "Club", "--export", lists)
            files = sorted(os.listdir(lists)) if os.path.isdir(lists) else []
            check("list --export: the follow CSV and lists.csv, private",
                  rc == 0 and files == ["follows.csv", "lists.csv"] and
                  all((os.stat(os.path.join(lists, f)).st_mode & 0o777) == 0o600 for f in files),
                  f"{files} {out} {err}")
            with open(os.path.join(lists, "follows.csv")) if files else open(os.devnull) as f:
                rows = f.read().splitlines()
            check("the follow CSV starts with Mastodon's header",
                  rows[:1] and rows[0].startswith("Account address"), rows[:2])
            guide = os.path.join(home, "guide.html")
            rc, out, err = run("guide", "Club", "--html", guide)
            text = open(guide).read() if os.path.exists(guide) else ""
            check("guide --html: the servers and the deadline filled in, private",
                  rc == 0 and old in text and new in text and
                  (os.stat(guide).st_mode & 0o777) == 0o600, err)
            check("the guide loads nothing from elsewhere",
                  "<script" not in text and not re.search(r"(src|href)=\"https?://(?!" +
                                                          re.escape(new) + "|" + re.escape(old) +
                                                          ")", text), text[:200])
            server.dump()
            rc, out, err = run("verify", "Club")
            routes = server.dump()
            check("verify runs and sends nothing", rc == 0 and
                  not any(r.startswith(("POST", "PUT", "DELETE"))
                          for n in routes for r in routes[n]), f"{routes} {out} {err}")
        finally:
            server.stop()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
