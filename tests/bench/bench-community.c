/* bench-community.c: what a state check pass over a community costs
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fedisim's community fixture (every state), Mastodon → Mastodon with Mastodon's real limits
 * (300 requests per 5 minutes per IP without a token), on the virtual clock. For 500 and 5,000
 * members: the requests per member per pass (and per server), the pass's length against the
 * bound the budget sets (the busiest server's API requests at 300 per 300 s), the 429s (there
 * should be none), the real time; and the memory: the process's peak, and the heap the
 * community (5,000 members with a pass of history) holds.
 * Run: meson test --benchmark -C _build community (or the binary itself).
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <sys/resource.h>

#include "ferry-test-community-util.h"

#define LOOKUP "GET /api/v1/accounts/lookup"

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static void
bench (guint n)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryMemberCheckJob) job = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started, took, bound, real;
  guint old_api, new_api, requests;
  gsize heap_before, heap_after;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, n, 11,
                              NULL);
  heap_before = heap_in_use ();
  community = ferry_test_community_model (&t);
  ferry_test_community_add_all (&t, community);
  fedisim_server_reset_counts (t.old_server);
  fedisim_server_reset_counts (t.new_server);
  job = ferry_member_check_job_new (community, NULL);
  ferry_member_check_job_set_tls_database (job, t.trust);
  ferry_test_community_use_clock (&t, job);
  started = fedisim_world_now (t.world);
  real = g_get_monotonic_time ();
  if (!ferry_test_community_run (FERRY_JOB (job), &error))
    g_error ("The pass failed: %s", error->message);
  real = g_get_monotonic_time () - real;
  took = fedisim_world_now (t.world) - started;
  g_clear_object (&job);
  heap_after = heap_in_use ();

  old_api = fedisim_server_request_count (t.old_server, LOOKUP);
  new_api = fedisim_server_request_count (t.new_server, LOOKUP);
  requests = fedisim_server_answer_count (t.old_server) + fedisim_server_answer_count (t.new_server) +
             fedisim_server_answer_count (t.elsewhere);
  bound = MAX (old_api, new_api);   /* 300 per 300 s: one a second */
  g_print ("%u members: %u requests, %.2f per member per pass (old server %.2f, new server "
           "%.2f API + %.2f actor documents)\n", n, requests, (double) requests / n,
           (double) old_api / n, (double) new_api / n,
           (double) (fedisim_server_answer_count (t.new_server) - new_api) / n);
  g_print ("  pass: %" G_GINT64_FORMAT " s (%.1f min) on the virtual clock; the budget's bound "
           "%" G_GINT64_FORMAT " s: %.3f× (1.1× allowed); %u answers 429; %.1f s real\n",
           took, took / 60.0, bound, (double) took / bound,
           ferry_test_community_n_429 (&t), real / 1e6);
  g_print ("  states: %s\n", ferry_community_describe_counts (community));
  g_print ("  the community's heap (members, baselines, a pass of history): %.1f MiB\n",
           ((double) heap_after - (double) heap_before) / (1024.0 * 1024.0));
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;

  setlocale (LC_ALL, "");
  bench (500);
  bench (5000);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory of the process (Ferry and the in-process fedisim with 5,000 members "
           "on three servers): %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
