/* ferry-test-community-util.c: the community tests' world
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ferry-test-community-util.h"
#include "ferry-test-util.h"
#include "ferry-tls-database.h"

#define DAY (24 * 3600)

static void
on_waiting (FerryClient        *client,
            gint64              seconds,
            FerryTestCommunity *t)
{
  FerryRateLimiter *limiter = ferry_client_get_rate_limiter (client);
  gint64 wake = ferry_rate_limiter_get_server_now (limiter) + seconds;

  t->client_waits++;
  if (wake > fedisim_world_now (t->world))
    fedisim_world_set_time (t->world, wake);
}

void
ferry_test_community_setup (FerryTestCommunity *t,
                            FedisimFlavour      old_flavour,
                            FedisimFlavour      new_flavour,
                            guint               n_members,
                            guint32             seed,
                            const char         *community_account)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = NULL;
  FedisimCommunityConfig config = { 0 };
  static char inactive[16];

  memset (t, 0, sizeof *t);
  t->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  t->old_server = fedisim_world_add_server (t->world, old_flavour,
                                            old_flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ? "0.20.0" :
                                            old_flavour == FEDISIM_FLAVOUR_AKKOMA ? "3.13.2" :
                                            "4.5.0", &error);
  g_assert_no_error (error);
  t->new_server = fedisim_world_add_server (t->world, new_flavour,
                                            new_flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ? "0.20.0" :
                                            new_flavour == FEDISIM_FLAVOUR_AKKOMA ? "3.13.2" :
                                            "4.5.0", &error);
  g_assert_no_error (error);
  t->elsewhere = fedisim_world_add_server (t->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  t->trust = ferry_tls_database_new (fedisim_world_get_ca_file (t->world), &error);
  g_assert_no_error (error);

  since = g_date_time_new_from_unix_utc (fedisim_world_now (t->world) - 120 * DAY);
  g_snprintf (inactive, sizeof inactive, "%04d-%02d-%02d", g_date_time_get_year (since),
              g_date_time_get_month (since), g_date_time_get_day_of_month (since));
  t->inactive_since = inactive;
  config.n_members = n_members;
  config.seed = seed;
  config.inactive_since = inactive;
  config.community_account = community_account;
  config.elsewhere = t->elsewhere;
  t->names = fedisim_server_seed_community (t->old_server, t->new_server, &config);
  g_assert_nonnull (t->names);
}

void
ferry_test_community_teardown (FerryTestCommunity *t)
{
  g_clear_object (&t->trust);
  g_clear_pointer (&t->world, fedisim_world_free);
}

FerryClient *
ferry_test_community_client (FerryTestCommunity *t,
                             FedisimServer      *server,
                             const char         *token)
{
  FerryClient *client = ferry_client_new (fedisim_server_get_base_url (server), t->trust);

  if (token != NULL)
    ferry_client_set_token (client, token);
  ferry_client_set_time_scale (client, 1000.0);
  g_signal_connect (client, "waiting", G_CALLBACK (on_waiting), t);
  return client;
}

FerryCommunity *
ferry_test_community_model (FerryTestCommunity *t)
{
  FerryCommunity *community =
    ferry_community_new ("Test community", fedisim_server_get_host (t->old_server),
                         fedisim_server_get_host (t->new_server),
                         fedisim_world_now (t->world) + 30 * DAY);

  ferry_community_set_inactive_since (community, t->inactive_since);
  return community;
}

void
ferry_test_community_add_all (FerryTestCommunity *t,
                              FerryCommunity     *community)
{
  for (guint i = 0; t->names[i] != NULL; i++)
    {
      g_autofree char *address = g_strdup_printf ("%s@%s", t->names[i],
                                                  fedisim_server_get_host (t->old_server));
      g_autoptr(GError) error = NULL;
      FerryMember *member = ferry_community_add_member (community, address,
                                                        FERRY_MEMBER_SOURCE_PASTED, &error);

      g_assert_no_error (error);
      ferry_member_set_baseline (member,
                                 fedisim_community_baseline_followers (t->old_server,
                                                                       t->names[i]),
                                 -1, -1, NULL, fedisim_world_now (t->world));
    }
}

static gint64
world_now (gpointer user_data)
{
  FerryTestCommunity *t = user_data;

  return fedisim_world_now (t->world) * G_USEC_PER_SEC;
}

static void
world_advance (gint64   until,
               gpointer user_data)
{
  FerryTestCommunity *t = user_data;
  gint64 seconds = (until + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (seconds > fedisim_world_now (t->world))
    fedisim_world_set_time (t->world, seconds);
}

void
ferry_test_community_use_clock (FerryTestCommunity  *t,
                                FerryMemberCheckJob *job)
{
  ferry_member_check_job_set_clock (job, world_now, world_advance, t);
}

gboolean
ferry_test_community_run (FerryJob  *job,
                          GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_job_run_async (job, NULL, ferry_test_got_result, &result);
  ferry_test_wait_for (&result);
  return ferry_job_run_finish (job, result, error);
}

FerryMemberState
ferry_test_community_expected (FedisimMemberState truth)
{
  switch (truth)
    {
    case FEDISIM_MEMBER_NOT_STARTED: return FERRY_MEMBER_STATE_NOT_STARTED;
    case FEDISIM_MEMBER_NEW_ACCOUNT: return FERRY_MEMBER_STATE_NEW_ACCOUNT;
    case FEDISIM_MEMBER_ALIAS_SET:   return FERRY_MEMBER_STATE_ALIAS_SET;
    case FEDISIM_MEMBER_MOVED:       return FERRY_MEMBER_STATE_MOVED;
    case FEDISIM_MEMBER_ARRIVING:    return FERRY_MEMBER_STATE_ARRIVING;
    case FEDISIM_MEMBER_DONE:        return FERRY_MEMBER_STATE_DONE;
    case FEDISIM_MEMBER_ELSEWHERE:   return FERRY_MEMBER_STATE_ELSEWHERE;
    case FEDISIM_MEMBER_DELETED:     return FERRY_MEMBER_STATE_DELETED;
    case FEDISIM_MEMBER_SUSPENDED:   return FERRY_MEMBER_STATE_SUSPENDED;
    case FEDISIM_MEMBER_INACTIVE:    return FERRY_MEMBER_STATE_INACTIVE;
    case FEDISIM_MEMBER_N_STATES:
    default:                         return FERRY_MEMBER_STATE_UNKNOWN;
    }
}

static gboolean
one_step_behind (FerryMemberState seen,
                 FerryMemberState truth)
{
  return (seen == FERRY_MEMBER_STATE_MOVED && truth == FERRY_MEMBER_STATE_ARRIVING) ||
         (seen == FERRY_MEMBER_STATE_ARRIVING && truth == FERRY_MEMBER_STATE_DONE);
}

static guint
mismatches (FerryTestCommunity *t,
            FerryCommunity     *community,
            gboolean            lenient)
{
  guint n = 0;

  for (guint i = 0; t->names[i] != NULL; i++)
    {
      g_autofree char *address = g_strdup_printf ("%s@%s", t->names[i],
                                                  fedisim_server_get_host (t->old_server));
      FerryMember *member = ferry_community_find_member (community, address);
      FerryMemberState want =
        ferry_test_community_expected (fedisim_community_truth (t->old_server, t->names[i]));

      g_assert_nonnull (member);
      if (ferry_member_get_state (member) != want &&
          !(lenient && one_step_behind (ferry_member_get_state (member), want)))
        {
          if (n++ < 5)
            g_test_message ("%s: %s, the truth is %s", t->names[i],
                            ferry_member_state_to_id (ferry_member_get_state (member)),
                            ferry_member_state_to_id (want));
        }
    }
  return n;
}

guint
ferry_test_community_mismatches (FerryTestCommunity *t,
                                 FerryCommunity     *community)
{
  return mismatches (t, community, FALSE);
}

guint
ferry_test_community_mismatches_lenient (FerryTestCommunity *t,
                                         FerryCommunity     *community)
{
  return mismatches (t, community, TRUE);
}

guint
ferry_test_community_n_429 (FerryTestCommunity *t)
{
  return fedisim_server_status_count (t->old_server, 429) +
         fedisim_server_status_count (t->new_server, 429) +
         fedisim_server_status_count (t->elsewhere, 429);
}
