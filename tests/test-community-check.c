/* test-community-check.c: FerryMemberCheckJob against fedisim's community fixture
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each member's state from a pass equals the fixture's truth (500 members, Mastodon →
 * Mastodon, Mastodon → GoToSocial, Mastodon → Akkoma), and follows when members move on the virtual clock;
 * 5,000 members under Mastodon's real limits: no 429, and the pass within 1.1× what the
 * budget allows; pause, resume, cancel, and a cancelled pass that loses nothing. What must not
 * happen: a 429, a client waiting for a budget, a member asked twice in a pass, a token sent
 * to another host.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ferry-community-store.h"
#include "ferry-test-community-util.h"
#include "ferry-test-util.h"

#define LOOKUP "GET /api/v1/accounts/lookup"

/* Members a pass must ask the new server about: all but the gone, the suspended, and those
 * who moved elsewhere. */
static guint
expected_new_lookups (FerryTestCommunity *t)
{
  guint n = 0;

  for (guint i = 0; t->names[i] != NULL; i++)
    {
      FedisimMemberState truth = fedisim_community_truth (t->old_server, t->names[i]);

      if (truth != FEDISIM_MEMBER_DELETED && truth != FEDISIM_MEMBER_SUSPENDED &&
          truth != FEDISIM_MEMBER_ELSEWHERE)
        n++;
    }
  return n;
}

static void
check_pass_with (FerryTestCommunity *t,
                 FerryCommunity     *community,
                 FerryClient        *old_client,
                 FerryClient        *new_client);

static void
check_pass (FerryTestCommunity *t,
            FerryCommunity     *community,
            FerryClient        *new_client)
{
  check_pass_with (t, community, NULL, new_client);
}

static void
check_pass_with (FerryTestCommunity *t,
                 FerryCommunity     *community,
                 FerryClient        *old_client,
                 FerryClient        *new_client)
{
  g_autoptr(FerryMemberCheckJob) job = ferry_member_check_job_new (community, NULL);
  g_autoptr(GError) error = NULL;
  guint n = ferry_community_get_n_members (community);
  guint snapshots = ferry_community_get_snapshots (community)->len;
  guint new_lookups = expected_new_lookups (t);
  gint64 started = fedisim_world_now (t->world);

  fedisim_server_reset_counts (t->old_server);
  fedisim_server_reset_counts (t->new_server);
  ferry_member_check_job_set_tls_database (job, t->trust);
  if (new_client != NULL)
    ferry_member_check_job_set_client (job, fedisim_server_get_host (t->new_server), new_client);
  if (old_client != NULL)
    ferry_member_check_job_set_client (job, fedisim_server_get_host (t->old_server), old_client);
  ferry_test_community_use_clock (t, job);
  g_assert_true (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (ferry_member_check_job_get_n_checked (job), ==, n);
  g_assert_cmpuint (ferry_member_check_job_get_n_failed (job), ==, 0);
  g_assert_cmpuint (ferry_test_community_mismatches (t, community), ==, 0);
  g_assert_cmpuint (ferry_community_get_snapshots (community)->len, ==, snapshots + 1);
  g_assert_cmpint (ferry_member_check_job_get_planned_end (job), >, started);
  /* One lookup per member on the old server, one on the new for those it concerns: none
   * twice; never three requests for a member that has not made a new account. */
  g_assert_cmpuint (fedisim_server_request_count (t->old_server, LOOKUP), ==, n);
  g_assert_cmpuint (fedisim_server_request_count (t->new_server, LOOKUP), ==, new_lookups);
  /* Those who moved elsewhere are not asked about there: scattered, not ours to count. */
  g_assert_cmpuint (fedisim_server_request_count (t->elsewhere, LOOKUP), ==, 0);
  g_assert_cmpuint (ferry_member_check_job_get_n_requests (job), <=, n + new_lookups +
                    fedisim_community_count_state (t->old_server, FEDISIM_MEMBER_NEW_ACCOUNT) +
                    fedisim_community_count_state (t->old_server, FEDISIM_MEMBER_ALIAS_SET));
  /* What must not happen. */
  g_assert_cmpuint (ferry_test_community_n_429 (t), ==, 0);
  g_assert_cmpuint (t->client_waits, ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (t->old_server, 401), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (t->new_server, 401), ==, 0);
}

/* Half of the members take a step, the world moves on a day: the states follow. */
static void
move_some (FerryTestCommunity *t)
{
  for (guint i = 0; t->names[i] != NULL; i += 2)
    fedisim_community_advance_member (t->old_server, t->names[i]);
  fedisim_world_advance (t->world, 3600);
}

static void
test_classify (gconstpointer data)
{
  FedisimFlavour new_flavour = GPOINTER_TO_INT (data);
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryClient) new_client = NULL;
  guint moved_before;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, new_flavour, 500, 7, NULL);
  community = ferry_test_community_model (&t);
  ferry_test_community_add_all (&t, community);
  /* GoToSocial's lookup needs a token (gotosocial internal/api/client/accounts/lookup.go):
   * the helper's there, which must never reach the old server. */
  if (new_flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      g_autofree char *token = NULL;

      fedisim_server_add_user (t.new_server, "helper", "pw");
      token = fedisim_server_issue_token (t.new_server, "helper", "read");
      new_client = ferry_test_community_client (&t, t.new_server, token);
    }

  check_pass (&t, community, new_client);
  for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
    if (s != FERRY_MEMBER_STATE_UNKNOWN)
      g_assert_cmpuint (ferry_community_count (community, s), >, 0);

  moved_before = ferry_community_count (community, FERRY_MEMBER_STATE_DONE);
  move_some (&t);
  check_pass (&t, community, new_client);
  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_DONE), >,
                    moved_before);

  g_clear_object (&new_client);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

/* From GoToSocial, whose lookup needs the helper's token there (gotosocial
 * internal/api/client/accounts/lookup.go). */
static void
test_classify_from_gotosocial (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryClient) old_client = NULL;
  g_autofree char *token = NULL;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_MASTODON, 200, 13,
                              NULL);
  fedisim_server_add_user (t.old_server, "helper", "pw");
  token = fedisim_server_issue_token (t.old_server, "helper", "read");
  old_client = ferry_test_community_client (&t, t.old_server, token);
  community = ferry_test_community_model (&t);
  ferry_test_community_add_all (&t, community);
  check_pass_with (&t, community, old_client, NULL);
  move_some (&t);
  check_pass_with (&t, community, old_client, NULL);

  g_clear_object (&old_client);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

/* GoToSocial's lookup without the helper's token there: refused (401); Ferry asks it no more
 * in this pass, and says so, and what the old server showed is still learnt. */
static void
test_refused_lane (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryMemberCheckJob) job = NULL;
  g_autoptr(GError) error = NULL;
  guint settled;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_GOTOSOCIAL, 100, 5,
                              NULL);
  community = ferry_test_community_model (&t);
  ferry_test_community_add_all (&t, community);
  fedisim_server_reset_counts (t.new_server);
  job = ferry_member_check_job_new (community, NULL);
  ferry_member_check_job_set_tls_database (job, t.trust);
  ferry_test_community_use_clock (&t, job);
  g_assert_true (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_no_error (error);
  settled = fedisim_community_count_state (t.old_server, FEDISIM_MEMBER_DELETED) +
            fedisim_community_count_state (t.old_server, FEDISIM_MEMBER_SUSPENDED) +
            fedisim_community_count_state (t.old_server, FEDISIM_MEMBER_ELSEWHERE);
  g_assert_cmpuint (ferry_member_check_job_get_n_checked (job), ==, settled);
  g_assert_cmpuint (ferry_member_check_job_get_n_failed (job), ==, 100 - settled);
  /* Refused once (and what was already on its way), not a hundred times. */
  g_assert_cmpuint (fedisim_server_status_count (t.new_server, 401), >=, 1);
  g_assert_cmpuint (fedisim_server_status_count (t.new_server, 401), <=, 8);
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);

  g_clear_object (&job);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

/* 5,000 members under Mastodon's real limits (300 per 5 minutes per IP, the limit factor 1):
 * no 429, and the pass within 1.1× the time the budget allows for the busiest server. */
static void
test_large (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryMemberCheckJob) job = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started, took, bound;
  guint old_lookups, new_lookups;
  gint64 real = g_get_monotonic_time ();

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 5000, 11,
                              NULL);
  community = ferry_test_community_model (&t);
  ferry_test_community_add_all (&t, community);
  fedisim_server_reset_counts (t.old_server);
  fedisim_server_reset_counts (t.new_server);
  job = ferry_member_check_job_new (community, NULL);
  ferry_member_check_job_set_tls_database (job, t.trust);
  ferry_test_community_use_clock (&t, job);
  started = fedisim_world_now (t.world);
  g_assert_true (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_no_error (error);
  took = fedisim_world_now (t.world) - started;

  old_lookups = fedisim_server_request_count (t.old_server, LOOKUP);
  new_lookups = fedisim_server_request_count (t.new_server, LOOKUP);
  /* One request per second on each server is all the budget allows (300 per 300 s). */
  bound = MAX (old_lookups, new_lookups);
  g_test_message ("5000 members: %u requests (%.2f per member), %" G_GINT64_FORMAT
                  " s on the virtual clock, the budget's bound %" G_GINT64_FORMAT " s, planned "
                  "end %+" G_GINT64_FORMAT " s; %.1f s real",
                  ferry_member_check_job_get_n_requests (job),
                  ferry_member_check_job_get_n_requests (job) / 5000.0, took, bound,
                  ferry_member_check_job_get_planned_end (job) - started,
                  (g_get_monotonic_time () - real) / 1e6);
  g_assert_cmpuint (ferry_member_check_job_get_n_checked (job), ==, 5000);
  g_assert_cmpuint (old_lookups, ==, 5000);
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);
  g_assert_cmpuint (t.client_waits, ==, 0);
  g_assert_cmpint (took, <=, bound * 11 / 10);
  /* The planned end it showed was the end it kept (within 1 %). */
  g_assert_cmpint (ABS (ferry_member_check_job_get_planned_end (job) - started - took), <=,
                   took / 100);
  /* Paced, not sent at once: at least the share's spacing on the old server. */
  g_assert_cmpint (took, >=, (gint64) (old_lookups * 0.99));
  /* The pass lasts 90 minutes: followers of members checked early went on arriving; only
   * those may be one step behind the truth at the end. */
  g_assert_cmpuint (ferry_test_community_mismatches_lenient (&t, community), ==, 0);

  g_clear_object (&job);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

/* As a person would: from the main loop (a notification comes from inside a state change). */
static gboolean
stop_cb (gpointer user_data)
{
  FerryJob *job = user_data;

  if (g_object_get_data (G_OBJECT (job), "cancel"))
    ferry_job_cancel (job);
  else
    ferry_job_pause (job);
  g_object_set_data (G_OBJECT (job), "stopped", GINT_TO_POINTER (TRUE));
  return G_SOURCE_REMOVE;
}

static void
stop_at (FerryMemberCheckJob *job,
         GParamSpec          *pspec,
         guint               *stop_after)
{
  if (ferry_job_get_done (FERRY_JOB (job)) >= *stop_after && *stop_after > 0)
    {
      *stop_after = 0;
      g_idle_add_full (G_PRIORITY_HIGH, stop_cb, job, NULL);
    }
}

static void
count_waits (FerryJob   *job,
             GParamSpec *pspec,
             guint      *waits)
{
  if (ferry_job_get_state (job) == FERRY_JOB_STATE_WAITING)
    {
      (*waits)++;
      g_assert_cmpint (ferry_job_get_waiting_until (job), >, 0);
      g_assert_nonnull (ferry_job_get_waiting_reason (job));
    }
}

static void
test_pause_resume (void)
{
  guint waits = 0;
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryMemberCheckJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint stop_after = 40;
  guint asked;
  gint64 paused_at;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 150, 3,
                              NULL);
  community = ferry_test_community_model (&t);
  ferry_test_community_add_all (&t, community);
  job = ferry_member_check_job_new (community, NULL);
  ferry_member_check_job_set_tls_database (job, t.trust);
  ferry_test_community_use_clock (&t, job);
  g_signal_connect (job, "notify::done", G_CALLBACK (stop_at), &stop_after);
  g_signal_connect (job, "notify::state", G_CALLBACK (count_waits), &waits);
  ferry_job_run_async (FERRY_JOB (job), NULL, ferry_test_got_result, &result);
  while (!g_object_get_data (G_OBJECT (job), "stopped"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_PAUSED);

  /* Paused: what was in flight ends, nothing new goes, the clock stands. */
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (50000);
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  asked = fedisim_server_request_count (t.old_server, LOOKUP);
  paused_at = fedisim_world_now (t.world);
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fedisim_server_request_count (t.old_server, LOOKUP), ==, asked);
  g_assert_cmpint (fedisim_world_now (t.world), ==, paused_at);
  g_assert_null (result);
  g_assert_cmpuint (asked, <, 150);

  ferry_job_resume (FERRY_JOB (job));
  ferry_test_wait_for (&result);
  g_assert_true (ferry_job_run_finish (FERRY_JOB (job), result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_member_check_job_get_n_checked (job), ==, 150);
  g_assert_cmpuint (fedisim_server_request_count (t.old_server, LOOKUP), ==, 150);
  /* Between two requests it waits, and says so, with an end. */
  g_assert_cmpuint (waits, >, 100);
  g_assert_cmpuint (ferry_test_community_mismatches (&t, community), ==, 0);
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);

  g_clear_object (&job);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

/* Cancelled midway (as a kill would stop it): what was learnt is in the store's file; the next
 * pass starts with the members not checked yet. */
static void
test_cancel (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryCommunity) loaded = NULL;
  g_autoptr(FerryMemberCheckJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ferry-community-XXXXXX", NULL);
  g_autofree char *path = NULL;
  guint stop_after = 30;
  guint checked = 0;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 120, 5,
                              NULL);
  store = ferry_community_store_new (dir);
  community = ferry_test_community_model (&t);
  ferry_test_community_add_all (&t, community);
  ferry_community_store_add (store, community);
  job = ferry_member_check_job_new (community, NULL);
  ferry_member_check_job_set_tls_database (job, t.trust);
  ferry_test_community_use_clock (&t, job);
  g_object_set_data (G_OBJECT (job), "cancel", GINT_TO_POINTER (TRUE));
  g_signal_connect (job, "notify::done", G_CALLBACK (stop_at), &stop_after);
  ferry_job_run_async (FERRY_JOB (job), NULL, ferry_test_got_result, &result);
  ferry_test_wait_for (&result);
  g_assert_false (ferry_job_run_finish (FERRY_JOB (job), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_CANCELLED);
  g_assert_cmpuint (ferry_member_check_job_get_n_checked (job), >=, 30);
  g_assert_cmpuint (ferry_member_check_job_get_n_checked (job), <, 120);
  g_clear_error (&error);

  g_assert_true (ferry_community_store_flush (store, &error));
  g_assert_no_error (error);
  path = ferry_community_store_path_for (store, community);
  loaded = ferry_community_load (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ferry_community_get_n_members (loaded); i++)
    {
      FerryMember *member = ferry_community_get_member (loaded, i);
      FerryMember *live = ferry_community_find_member (community,
                                                       ferry_member_get_old_address (member));

      g_assert_cmpint (ferry_member_get_state (member), ==, ferry_member_get_state (live));
      if (ferry_member_get_last_checked (member) > 0)
        checked++;
    }
  g_assert_cmpuint (checked, ==, ferry_member_check_job_get_n_checked (job));
  /* The next pass: those never checked first. */
  order = ferry_community_members_to_check (loaded, fedisim_world_now (t.world));
  for (guint i = 0; i < 120 - checked; i++)
    g_assert_cmpint (ferry_member_get_last_checked (order->pdata[i]), ==, 0);
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);

  g_clear_object (&job);
  g_clear_object (&store);
  ferry_test_remove_tree (dir);
  ferry_test_community_teardown (&t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/community/check/mastodon-to-mastodon",
                        GINT_TO_POINTER (FEDISIM_FLAVOUR_MASTODON), test_classify);
  g_test_add_data_func ("/community/check/mastodon-to-gotosocial",
                        GINT_TO_POINTER (FEDISIM_FLAVOUR_GOTOSOCIAL), test_classify);
  g_test_add_data_func ("/community/check/mastodon-to-akkoma",
                        GINT_TO_POINTER (FEDISIM_FLAVOUR_AKKOMA), test_classify);
  g_test_add_func ("/community/check/gotosocial-to-mastodon", test_classify_from_gotosocial);
  g_test_add_func ("/community/check/refused-server-asked-no-more", test_refused_lane);
  g_test_add_func ("/community/check/pause-resume", test_pause_resume);
  g_test_add_func ("/community/check/cancel-keeps-what-was-learnt", test_cancel);
  g_test_add_func ("/community/check/5000-within-budget", test_large);
  return g_test_run ();
}
