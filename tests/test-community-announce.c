/* test-community-announce.c: the community's posts against fedisim over HTTPS: posted, pinned,
 * read back; reminders within the limits; the dropped post; no post twice after a kill
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-announce-job.h"
#include "ferry-client-posting.h"
#include "ferry-community-text.h"
#include "ferry-test-fixture.h"
#include "ferry-test-util.h"

#define POST_ROUTE "POST /api/v1/statuses"
#define PIN_ROUTE  "POST /api/v1/statuses/:id/pin"

static FerryCommunity *
new_community (FerryTestFixture *f)
{
  return ferry_community_new ("Birders", fedisim_server_get_host (f->server), "new.example",
                              fedisim_world_now (f->world) + 30 * 86400);
}

static gboolean
run_job (FerryAnnounceJob *job,
         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_job_run_async (FERRY_JOB (job), NULL, ferry_test_got_result, &result);
  ferry_test_wait_for (&result);
  return ferry_job_run_finish (FERRY_JOB (job), result, error);
}

static void
assert_nothing_wrong (FerryTestFixture *f)
{
  /* Never a 429, never a request the budget refused. */
  g_assert_cmpuint (fedisim_server_status_count (f->server, 429), ==, 0);
}

static guint
n_statuses_on (FedisimServer *server,
               const char    *username)
{
  g_autoptr(JsonNode) dump = fedisim_server_dump_account (server, username);

  return (guint) json_object_get_int_member (json_node_get_object (dump), "statuses");
}

static guint
n_statuses (FerryTestFixture *f,
            const char       *username)
{
  return n_statuses_on (f->server, username);
}

static void
test_post_pin_read_back (FerryTestFixture *f,
                         gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = new_community (f);
  g_autoptr(FerryAnnounceJob) job = ferry_announce_job_new (community, f->client);
  g_autofree char *text = ferry_community_text_announcement (community, NULL, 500);
  g_autoptr(GError) error = NULL;
  gint64 now = fedisim_world_now (f->world);
  FerryCommunityPost *post;

  g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_ANNOUNCEMENT, "announce",
                                         text, "public", 0, TRUE, FALSE, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("reminder-%u", i);
      g_autofree char *reminder = ferry_community_text_reminder (community, NULL,
                                                                 now + (i + 1) * 86400, 500);

      g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_REMINDER, key, reminder,
                                             "unlisted", now + (i + 1) * 86400, FALSE, FALSE,
                                             &error));
    }
  g_assert_true (run_job (job, &error));
  g_assert_no_error (error);

  post = ferry_community_find_post (community, "announce");
  g_assert_nonnull (post->status_id);
  g_assert_true (post->confirmed);
  g_assert_true (post->pinned);
  g_assert_nonnull (post->url);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("reminder-%u", i);

      post = ferry_community_find_post (community, key);
      g_assert_nonnull (post->scheduled_id);
      g_assert_true (post->confirmed);
    }
  /* What the server holds: one post, pinned, three scheduled; each sent once. */
  g_assert_cmpuint (n_statuses (f, "alice"), ==, 1);
  g_assert_cmpuint (fedisim_server_scheduled_count (f->server, "alice"), ==, 3);
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, 4);
  g_assert_cmpuint (fedisim_server_request_count (f->server, PIN_ROUTE), ==, 1);
  g_assert_cmpuint (ferry_announce_job_get_dropped (job)->len, ==, 0);
  assert_nothing_wrong (f);
  /* Who am I, the scheduled list; per post its POST and read-back; the pins and the pin: 12. */
  g_assert_cmpuint (fedisim_server_answer_count (f->server), ==, 2 + 4 * 2 + 2);

  /* Run again: everything is confirmed, nothing is sent. */
  g_clear_object (&job);
  job = ferry_announce_job_new (community, f->client);
  g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_ANNOUNCEMENT, "announce",
                                         text, "public", 0, TRUE, FALSE, &error));
  g_assert_true (run_job (job, &error));
  g_assert_cmpuint (ferry_announce_job_get_n_sent (job), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, 4);
  g_assert_cmpuint (fedisim_server_answer_count (f->server), ==, 12 + 2);

  /* The clock reaches a reminder: the server posts it. */
  fedisim_world_advance (f->world, 86400 + 60);
  fedisim_world_run_until_idle (f->world);
  g_assert_cmpuint (fedisim_server_scheduled_count (f->server, "alice"), ==, 2);
}

static void
test_daily_limit (FerryTestFixture *f,
                  gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = new_community (f);
  g_autoptr(FerryAnnounceJob) job = ferry_announce_job_new (community, f->client);
  g_autoptr(FerryAnnounceJob) past = ferry_announce_job_new (community, f->client);
  g_autoptr(FerryAnnounceJob) fits = ferry_announce_job_new (community, f->client);
  g_autoptr(GError) error = NULL;
  gint64 day = (fedisim_world_now (f->world) / 86400 + 3) * 86400;

  for (guint i = 0; i < 26; i++)
    {
      g_autofree char *key = g_strdup_printf ("r%u", i);

      g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_REMINDER, key, "Move!",
                                             "unlisted", day + 60 + i * 600, FALSE, FALSE, NULL));
      if (i < 25)
        g_assert_true (ferry_announce_job_add (fits, FERRY_COMMUNITY_POST_REMINDER, key, "Move!",
                                               "unlisted", day + 60 + i * 600, FALSE, FALSE,
                                               NULL));
    }
  /* The 26th on one UTC day: Ferry refuses the plan before the server sees a post. */
  g_assert_false (run_job (job, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "25"));
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, 0);
  g_clear_error (&error);

  /* A past time: Mastodon would post it at once; refused too. */
  g_assert_true (ferry_announce_job_add (past, FERRY_COMMUNITY_POST_REMINDER, "late", "Move!",
                                         "unlisted", fedisim_world_now (f->world) - 60, FALSE,
                                         FALSE, NULL));
  g_assert_false (run_job (past, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, 0);
  g_clear_error (&error);

  /* 25 fit, and the server took each. */
  g_assert_true (run_job (fits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fedisim_server_scheduled_count (f->server, "alice"), ==, 25);
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, 25);
  assert_nothing_wrong (f);
}

static void
schedule_directly (FerryTestFixture *f,
                   gint64            at)
{
  FerryPostRequest request = { .text = "Earlier", .visibility = "unlisted", .scheduled_at = at };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryPost) post = NULL;
  g_autoptr(GError) error = NULL;

  ferry_client_post_status_async (f->client, &request, NULL, ferry_test_got_result, &result);
  post = ferry_client_post_finish (f->client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (post->scheduled);
}

/* 45 scheduled already, more than one page: the day's count is whole. */
static void
test_daily_limit_paged (FerryTestFixture *f,
                        gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = new_community (f);
  g_autoptr(FerryAnnounceJob) job = ferry_announce_job_new (community, f->client);
  g_autoptr(GError) error = NULL;
  gint64 day_a = (fedisim_world_now (f->world) / 86400 + 3) * 86400;
  gint64 day_b = day_a + 86400;
  guint posts;

  for (guint i = 0; i < 20; i++)
    schedule_directly (f, day_a + 60 + i * 60);
  for (guint i = 0; i < 25; i++)
    schedule_directly (f, day_b + 60 + i * 60);
  posts = fedisim_server_request_count (f->server, POST_ROUTE);
  /* The newest 40 hold only 15 of day A's 20: six more would seem to fit. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *key = g_strdup_printf ("a%u", i);

      g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_REMINDER, key, "Move!",
                                             "unlisted", day_a + 3600 + i * 60, FALSE, FALSE,
                                             NULL));
    }
  g_assert_false (run_job (job, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, posts);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/scheduled_statuses"), ==,
                    2);
}

static void
test_dropped (FerryTestFixture *f,
              gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = new_community (f);
  g_autoptr(FerryAnnounceJob) job = ferry_announce_job_new (community, f->client);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autofree char *text = NULL;
  FerryMember *bob;
  FerryMemberObservation seen = { .time = 1, .old_found = TRUE, .old_followers = 3,
                                  .new_followers = -1 };
  g_autofree char *bob_address = g_strdup_printf ("bob@%s", fedisim_server_get_host (f->server));

  fedisim_server_add_user (f->server, "bob", "pw");
  fedisim_server_add_spam_phrase (f->server, "new.example");
  bob = ferry_community_add_member (community, bob_address, FERRY_MEMBER_SOURCE_MANUAL, &error);
  g_assert_no_error (error);
  ferry_member_observe (bob, &seen, NULL);
  batches = ferry_community_text_mention_batches (community, 20, 500);
  g_assert_cmpuint (batches->len, ==, 1);
  text = ferry_community_text_mentions (community, g_ptr_array_index (batches, 0), 500);

  /* Never without the helper's review. */
  g_assert_false (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_MENTIONS, "m1", text,
                                          "unlisted", 0, FALSE, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_MENTIONS, "m1", text,
                                         "unlisted", 0, FALSE, TRUE, &error));
  /* The server answers 200 and drops it: the read-back finds it missing. */
  g_assert_false (run_job (job, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "dropped"));
  g_assert_cmpuint (ferry_announce_job_get_dropped (job)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ferry_announce_job_get_dropped (job), 0), ==, "m1");
  g_assert_false (ferry_community_find_post (community, "m1")->confirmed);
  g_assert_cmpuint (fedisim_server_dropped_count (f->server), ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, 1);
  assert_nothing_wrong (f);
}

static void
on_changed_cancel (FerryCommunity *community,
                   FerryJob       *job)
{
  FerryCommunityPost *post = ferry_community_find_post (community, "p0");

  if (post != NULL && post->status_id != NULL && !ferry_job_is_cancelled (job))
    ferry_job_cancel (job);
}

static void
add_three (FerryAnnounceJob *job)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("p%u", i);
      g_autofree char *text = g_strdup_printf ("Post number %u about the move", i);

      g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_ANNOUNCEMENT, key, text,
                                             "public", 0, FALSE, FALSE, NULL));
    }
}

static void
test_kill_resume (FerryTestFixture *f,
                  gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = new_community (f);
  g_autoptr(FerryAnnounceJob) first = ferry_announce_job_new (community, f->client);
  g_autoptr(FerryAnnounceJob) second = ferry_announce_job_new (community, f->client);
  g_autoptr(GError) error = NULL;
  gulong id;

  add_three (first);
  add_three (second);
  /* Killed right after the first answer was journaled. */
  id = g_signal_connect (community, "changed", G_CALLBACK (on_changed_cancel), first);
  g_assert_false (run_job (first, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_signal_handler_disconnect (community, id);
  g_clear_error (&error);
  g_assert_cmpuint (n_statuses (f, "alice"), ==, 1);

  g_assert_true (run_job (second, &error));
  g_assert_no_error (error);
  /* Three posts, each sent once. */
  g_assert_cmpuint (n_statuses (f, "alice"), ==, 3);
  g_assert_cmpuint (fedisim_server_request_count (f->server, POST_ROUTE), ==, 3);
  assert_nothing_wrong (f);
}

/* The answer to the post is lost (cut off): the post is on the server, Ferry does not know its
 * id. The next run finds it and does not post it again, on Mastodon (the key) and on
 * GoToSocial (which ignores the key: Ferry looks for its own recent post). */
static void
test_lost_answer (FerryTestFixture *f,
                  gconstpointer     data)
{
  FedisimFlavour flavour = GPOINTER_TO_INT (data);
  FedisimServer *server = f->server;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryAnnounceJob) first = NULL;
  g_autoptr(FerryAnnounceJob) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (flavour != FEDISIM_FLAVOUR_MASTODON)
    {
      server = fedisim_world_add_server (f->world, flavour, NULL, &error);
      g_assert_no_error (error);
      fedisim_server_add_user (server, "alice", "pw");
    }
  token = fedisim_server_issue_token (server, "alice", "read write follow");
  client = ferry_test_fixture_new_client (f, server, token);
  community = ferry_community_new ("Birders", fedisim_server_get_host (server), "new.example",
                                   fedisim_world_now (f->world) + 30 * 86400);
  first = ferry_announce_job_new (community, client);
  second = ferry_announce_job_new (community, client);
  add_three (first);
  add_three (second);

  fedisim_server_add_fault (server, POST_ROUTE, FEDISIM_FAULT_TRUNCATE, 0, 1);
  g_assert_false (run_job (first, &error));
  g_clear_error (&error);
  g_assert_null (ferry_community_find_post (community, "p0")->status_id);
  g_assert_cmpuint (fedisim_server_request_count (server, POST_ROUTE), ==, 1);

  g_assert_true (run_job (second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_statuses_on (server, "alice"), ==, 3);
  g_assert_nonnull (ferry_community_find_post (community, "p0")->status_id);
  g_assert_true (ferry_community_find_post (community, "p0")->confirmed);
  g_assert_cmpuint (fedisim_server_status_count (server, 429), ==, 0);
}

static void
test_pin_limit (FerryTestFixture *f,
                gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = new_community (f);
  g_autoptr(FerryAnnounceJob) job = ferry_announce_job_new (community, f->client);
  g_autoptr(GError) error = NULL;
  guint pins;

  /* Five posts pinned already: the most Mastodon allows. */
  for (guint i = 0; i < 5; i++)
    {
      FerryPostRequest request = { .text = "Old news", .visibility = "public" };
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(FerryPost) post = NULL;
      g_autoptr(FerryPost) pinned = NULL;

      ferry_client_post_status_async (f->client, &request, NULL, ferry_test_got_result, &result);
      post = ferry_client_post_finish (f->client, ferry_test_wait_for (&result), &error);
      g_assert_no_error (error);
      g_clear_object (&result);
      ferry_client_pin_status_async (f->client, post->id, TRUE, NULL, ferry_test_got_result,
                                     &result);
      pinned = ferry_client_post_finish (f->client, ferry_test_wait_for (&result), &error);
      g_assert_no_error (error);
      g_assert_true (pinned->pinned);
    }
  pins = fedisim_server_request_count (f->server, PIN_ROUTE);
  g_assert_true (ferry_announce_job_add (job, FERRY_COMMUNITY_POST_ANNOUNCEMENT, "announce",
                                         "We move!", "public", 0, TRUE, FALSE, &error));
  ferry_announce_job_set_pin_limit (job, 5);
  g_assert_true (run_job (job, &error));
  g_assert_no_error (error);
  /* Posted and confirmed, not pinned: the five pinned ones are named, no pin was tried. */
  g_assert_true (ferry_community_find_post (community, "announce")->confirmed);
  g_assert_false (ferry_community_find_post (community, "announce")->pinned);
  g_assert_cmpuint (ferry_announce_job_get_unpin_candidates (job)->len, ==, 5);
  g_assert_cmpuint (fedisim_server_request_count (f->server, PIN_ROUTE), ==, pins);
  g_assert_nonnull (strstr (ferry_job_get_status (FERRY_JOB (job)), "Unpin"));
}

static void
test_check_schedule (void)
{
  gint64 now = 1000000 * 86400LL;
  gint64 existing[25];
  gint64 planned[2] = { now + 86400 + 10, now + 2 * 86400 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 25; i++)
    existing[i] = now + 86400 + i;
  /* A 26th on the day after: refused; on the day after that: fine. */
  g_assert_false (ferry_announce_check_schedule (existing, 25, planned, 1, now, &error));
  g_clear_error (&error);
  g_assert_true (ferry_announce_check_schedule (existing, 25, planned + 1, 1, now, &error));
  /* Five minutes is not enough; six is. */
  planned[0] = now + 5 * 60;
  g_assert_false (ferry_announce_check_schedule (NULL, 0, planned, 1, now, &error));
  g_clear_error (&error);
  planned[0] = now + 6 * 60;
  g_assert_true (ferry_announce_check_schedule (NULL, 0, planned, 1, now, &error));

  /* 300 in all, whatever the days: the 301st is refused. */
  {
    g_autofree gint64 *many = g_new (gint64, 300);

    for (guint i = 0; i < 300; i++)
      many[i] = now + 86400 * (1 + i / 20);
    planned[0] = now + 86400 * 40;
    g_assert_true (ferry_announce_check_schedule (many, 299, planned, 1, now, &error));
    g_assert_false (ferry_announce_check_schedule (many, 300, planned, 1, now, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, FerryTestFixture, data, ferry_test_fixture_setup, func, \
              ferry_test_fixture_teardown)
  g_test_add_func ("/community/announce/check-schedule", test_check_schedule);
  ADD ("/community/announce/post-pin-read-back", NULL, test_post_pin_read_back);
  ADD ("/community/announce/daily-limit", NULL, test_daily_limit);
  ADD ("/community/announce/daily-limit-paged", NULL, test_daily_limit_paged);
  ADD ("/community/announce/dropped", NULL, test_dropped);
  ADD ("/community/announce/kill-resume", NULL, test_kill_resume);
  ADD ("/community/announce/lost-answer/mastodon", GINT_TO_POINTER (FEDISIM_FLAVOUR_MASTODON),
       test_lost_answer);
  ADD ("/community/announce/lost-answer/gotosocial",
       GINT_TO_POINTER (FEDISIM_FLAVOUR_GOTOSOCIAL), test_lost_answer);
  ADD ("/community/announce/pin-limit", NULL, test_pin_limit);
  return g_test_run ();
}
