/* test-community-verify.c: verify against fedisim over HTTPS: followers against the baseline
 * at +1 h, +24 h; a large loss flagged with the reason and the remedy; the old domain's
 * redirect checked only once the counts levelled off, passing and failing when it should
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fedisim-community.h"
#include "ferry-community-verify-job.h"
#include "ferry-test-fixture.h"
#include "ferry-test-util.h"

typedef struct
{
  FerryTestFixture  base;
  FedisimServer    *old_server;
  FedisimServer    *new_server;
  FerryClient      *old_client;
  FerryClient      *new_client;
  FerryCommunity   *community;
  char             *lossy;      /* the member whose baseline the servers will never reach */
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  FedisimCommunityConfig config = { .n_members = 12, .seed = 7 };
  const char * const *names;
  g_autoptr(GError) error = NULL;
  gint64 now;

  ferry_test_fixture_setup (&f->base, data);
  f->old_server = fedisim_world_add_server (f->base.world, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
  g_assert_no_error (error);
  f->new_server = fedisim_world_add_server (f->base.world, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
  g_assert_no_error (error);
  /* Everyone has moved: part long ago (done), part just now (followers still coming). */
  config.percent[FEDISIM_MEMBER_MOVED] = 50;
  config.percent[FEDISIM_MEMBER_DONE] = 50;
  names = fedisim_server_seed_community (f->old_server, f->new_server, &config);
  f->old_client = ferry_test_fixture_new_client (&f->base, f->old_server, NULL);
  f->new_client = ferry_test_fixture_new_client (&f->base, f->new_server, NULL);
  now = fedisim_world_now (f->base.world);
  f->community = ferry_community_new ("Birders", fedisim_server_get_host (f->old_server),
                                      fedisim_server_get_host (f->new_server), now + 86400);

  /* The roster as Ferry built it: baselines before the move, then seen moved now. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *old = g_strdup_printf ("%s@%s", names[i],
                                              fedisim_server_get_host (f->old_server));
      const char *moved_to = fedisim_community_moved_to (f->old_server, names[i]);
      gint64 baseline = fedisim_community_baseline_followers (f->old_server, names[i]);
      FerryMemberObservation seen = { .time = now, .old_found = TRUE, .old_followers = 0,
                                      .new_found = TRUE, .new_followers = 0 };
      FerryMember *member = ferry_community_add_member (f->community, old,
                                                        FERRY_MEMBER_SOURCE_MANUAL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (moved_to);
      /* One member's baseline was three times what the servers will ever show. */
      if (f->lossy == NULL && baseline > 5)
        {
          f->lossy = g_strdup (old);
          baseline *= 3;
        }
      ferry_member_set_baseline (member, baseline, 10, 50, "2026-11-20", now - 86400);
      seen.old_moved_to = moved_to;
      ferry_member_observe (member, &seen, NULL);
      g_assert_cmpint (ferry_member_get_moved_at (member), ==, now);
    }
  g_assert_nonnull (f->lossy);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->community);
  g_clear_object (&f->old_client);
  g_clear_object (&f->new_client);
  g_clear_pointer (&f->lossy, g_free);
  ferry_test_fixture_teardown (&f->base, data);
}

static FerryCommunityVerifyJob *
verify_as (Fixture    *f,
           gboolean    check_redirect,
           const char *old_software)
{
  FerryCommunityVerifyJob *job = ferry_community_verify_job_new (f->community, f->old_client,
                                                                 f->new_client, old_software);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ferry_community_verify_job_set_check_redirect (job, check_redirect);
  ferry_job_run_async (FERRY_JOB (job), NULL, ferry_test_got_result, &result);
  ferry_test_wait_for (&result);
  g_assert_true (ferry_job_run_finish (FERRY_JOB (job), result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_community_verify_job_get_results (job)->len, ==, 12);
  g_assert_cmpuint (fedisim_server_status_count (f->old_server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (f->new_server, 429), ==, 0);
  return job;
}

static FerryCommunityVerifyJob *
verify (Fixture  *f,
        gboolean  check_redirect)
{
  return verify_as (f, check_redirect, "mastodon");
}

static void
test_large_loss (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(FerryCommunityVerifyJob) first = NULL;
  g_autoptr(FerryCommunityVerifyJob) second = NULL;
  GPtrArray *results;
  guint flagged = 0;

  /* +1 h: counts are taken, nobody is flagged yet (followers still come). */
  fedisim_world_advance (f->base.world, FERRY_VERIFY_FIRST + 60);
  first = verify (f, FALSE);
  results = ferry_community_verify_job_get_results (first);
  for (guint i = 0; i < results->len; i++)
    {
      FerryVerifyResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->checkpoint, ==, FERRY_VERIFY_FIRST);
      g_assert_true (result->old_shows_move);
      g_assert_false (result->large_loss);
    }

  /* +24 h: everyone's followers arrived but the lossy member's baseline is far off. */
  fedisim_world_advance (f->base.world, FERRY_VERIFY_SECOND);
  second = verify (f, FALSE);
  results = ferry_community_verify_job_get_results (second);
  for (guint i = 0; i < results->len; i++)
    {
      FerryVerifyResult *result = g_ptr_array_index (results, i);
      FerryMember *member = ferry_community_find_member (f->community, result->old_address);

      g_assert_cmpint (result->checkpoint, ==, FERRY_VERIFY_SECOND);
      /* Asked on the new server: the count there. */
      g_assert_cmpint (result->followers, ==, ferry_member_get_new_followers (member));
      if (!result->large_loss)
        {
          g_assert_cmpfloat (result->ratio, >=, FERRY_VERIFY_LARGE_LOSS);
          g_assert_null (result->reason);
          continue;
        }
      flagged++;
      g_assert_cmpstr (result->old_address, ==, f->lossy);
      g_assert_cmpfloat (result->ratio, <, 0.5);
      g_assert_nonnull (result->reason);
      g_assert_nonnull (result->remedy);
      g_assert_nonnull (strstr (result->remedy, "tootctl accounts migrate "));
      g_assert_nonnull (strstr (result->remedy, " --replay"));
    }
  g_assert_cmpuint (flagged, ==, 1);

  /* From a GoToSocial server the member can send the move again. */
  {
    g_autoptr(FerryCommunityVerifyJob) gts = verify_as (f, FALSE, "gotosocial");

    results = ferry_community_verify_job_get_results (gts);
    for (guint i = 0; i < results->len; i++)
      {
        FerryVerifyResult *result = g_ptr_array_index (results, i);

        if (result->large_loss)
          g_assert_nonnull (strstr (result->remedy, "sends the move again"));
      }
  }
  /* The history holds the checks. */
  g_assert_cmpuint (ferry_member_get_history (ferry_community_find_member (f->community,
                                                                           f->lossy))->len, >=, 2);
}

static void
test_redirect (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FerryCommunityVerifyJob) early = NULL;
  g_autoptr(FerryCommunityVerifyJob) off = NULL;
  g_autoptr(FerryCommunityVerifyJob) on = NULL;
  g_autoptr(FerryCommunityVerifyJob) settle = NULL;
  g_autofree char *reason = NULL;
  GPtrArray *results;

  /* Too early: the redirect is not offered; no profile page is asked for. */
  fedisim_server_set_profile_redirect (f->old_server, TRUE);
  fedisim_world_advance (f->base.world, FERRY_VERIFY_FIRST + 60);
  fedisim_server_reset_counts (f->old_server);
  early = verify (f, TRUE);
  g_assert_false (ferry_community_verify_job_get_redirect_checked (early));
  g_assert_nonnull (strstr (ferry_job_get_status (FERRY_JOB (early)), "levelled off"));
  results = ferry_community_verify_job_get_results (early);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((FerryVerifyResult *) g_ptr_array_index (results, i))->redirect, ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (f->old_server, 301), ==, 0);

  /* A day on, two checks an hour apart: the counts are level, the check is offered. */
  fedisim_world_advance (f->base.world, FERRY_VERIFY_SECOND);
  settle = verify (f, FALSE);
  fedisim_world_advance (f->base.world, FERRY_VERIFY_FIRST + 60);
  g_clear_object (&settle);
  settle = verify (f, FALSE);
  g_assert_true (ferry_community_verify_redirect_ready (f->community,
                                                        fedisim_world_now (f->base.world),
                                                        &reason));

  /* The admin has not switched it on: it fails for everyone. */
  fedisim_server_set_profile_redirect (f->old_server, FALSE);
  off = verify (f, TRUE);
  g_assert_true (ferry_community_verify_job_get_redirect_checked (off));
  results = ferry_community_verify_job_get_results (off);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((FerryVerifyResult *) g_ptr_array_index (results, i))->redirect, ==, -1);

  /* On: https://old/@user answers 301 to the new profile, for everyone. */
  fedisim_server_set_profile_redirect (f->old_server, TRUE);
  on = verify (f, TRUE);
  results = ferry_community_verify_job_get_results (on);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((FerryVerifyResult *) g_ptr_array_index (results, i))->redirect, ==, 1);
  g_assert_cmpuint (fedisim_server_status_count (f->old_server, 301), ==, 12);
}

static void
test_not_ready_while_moving (void)
{
  g_autoptr(FerryCommunity) community = ferry_community_new ("C", "old.example", "new.example",
                                                             2000000000);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  FerryMember *member = ferry_community_add_member (community, "a@old.example",
                                                    FERRY_MEMBER_SOURCE_MANUAL, &error);
  FerryMemberObservation seen = { .time = 100, .old_found = TRUE, .old_followers = 5,
                                  .new_followers = -1 };

  ferry_member_observe (member, &seen, NULL);
  g_assert_false (ferry_community_verify_redirect_ready (community, 10000000, &reason));
  g_assert_nonnull (strstr (reason, "not moved yet"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/community/verify/not-ready-while-moving", test_not_ready_while_moving);
  g_test_add ("/community/verify/large-loss", Fixture, NULL, setup, test_large_loss, teardown);
  g_test_add ("/community/verify/redirect", Fixture, NULL, setup, test_redirect, teardown);
  return g_test_run ();
}
