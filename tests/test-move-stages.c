/* test-move-stages.c: FerryMove's steps against fedisim, one at a time
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The servers' refusals (not an alias, five minutes, wrong password, cooldown) as codes, in
 * plain words; a step handed to a web page nobody does; a step's job cancelled between two
 * polls; the forecast of a GoToSocial account's move; an alias the server will not show
 * (authorized fetch) confirmed by the person. Whole moves: test-move.c.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fedisim.h"
#include "ferry-test-move-util.h"
#include "ferry-test-util.h"
#include "ferry-backup.h"
#include "ferry-api-error.h"
#include "ferry-move-backend-akkoma.h"
#include "ferry-move-backend-gts.h"
#include "ferry-move.h"
#include "ferry-move-stage-job.h"
#include "ferry-plan.h"
#include "ferry-tls-database.h"

/* A step handed to a web page that nobody does: the wait ends at its limit with words, and
 * the servers were asked a bounded number of times (issue 12 #14, #15). */
static void
test_wait_ends (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean said = FALSE;
  gint64 started;
  guint asked;

  setup (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  move = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (move, TRUE);
  ferry_move_set_wait_limit (move, 300);
  refresh (move);
  fedisim_server_reset_counts (f->new_server);
  started = g_get_monotonic_time ();
  ferry_move_run_stage_async (move, FERRY_MOVE_STAGE_ALIAS, NULL, NULL, ferry_test_got_result, &result);
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS) == FERRY_MOVE_STATUS_WAITING &&
          strstr (ferry_move_get_detail (move, FERRY_MOVE_STAGE_ALIAS), fedisim_server_get_host (f->new_server)) &&
          strstr (ferry_move_get_detail (move, FERRY_MOVE_STAGE_ALIAS), "minute"))
        said = TRUE;
      g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
    }
  g_assert_true (said);   /* while it waited, it said for what, where, and how long */
  g_assert_false (ferry_move_run_stage_finish (move, result, &error));
  g_assert_error (error, FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "stopped waiting"));
  g_assert_nonnull (strstr (error->message, fedisim_server_get_host (f->new_server)));
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), !=, FERRY_MOVE_STATUS_WAITING);
  asked = fedisim_server_answer_count (f->new_server);
  g_test_message ("the wait asked %u times in %" G_GINT64_FORMAT " ms", asked,
                  (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpuint (asked, >=, 2);
  g_assert_cmpuint (asked, <=, 300 / 20 + 3);
}

static gboolean
set_true (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The main loop runs for @ms. */
static void
spin_ms (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, set_true, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

static void
job_ran_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (ferry_job_run_finish (FERRY_JOB (object), result, error));
}

/* A step's job cancelled while it waits between two polls ends at once, cancelled, and the
 * step no longer shows as waiting; paused, it asks the servers nothing. */
static void
test_stage_job_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(FerryMoveStageJob) job = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cancelled;
  guint asked;

  setup (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  move = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (move, TRUE);
  ferry_move_set_poll_interval (move, 200);
  refresh (move);
  job = ferry_move_stage_job_new (move, FERRY_MOVE_STAGE_ALIAS, NULL);
  ferry_job_run_async (FERRY_JOB (job), NULL, job_ran_cb, &error);
  while (ferry_job_get_state (FERRY_JOB (job)) != FERRY_JOB_STATE_WAITING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ferry_move_get_stage_job (move, FERRY_MOVE_STAGE_ALIAS) == job);

  /* Paused: no poll for a while. */
  spin_ms (300);
  ferry_job_pause (FERRY_JOB (job));
  spin_ms (300);
  fedisim_server_reset_counts (f->new_server);
  spin_ms (600);
  asked = fedisim_server_answer_count (f->new_server);
  g_assert_cmpuint (asked, ==, 0);
  ferry_job_resume (FERRY_JOB (job));
  while (fedisim_server_answer_count (f->new_server) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* Between two polls of a long interval: cancelling ends it without waiting for the next. */
  ferry_move_set_poll_interval (move, 60 * 1000);
  spin_ms (300);
  cancelled = g_get_monotonic_time ();
  ferry_job_cancel (FERRY_JOB (job));
  while (!ferry_job_is_ended (FERRY_JOB (job)))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - cancelled, <, 2 * G_USEC_PER_SEC);
    }
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_CANCELLED);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), !=, FERRY_MOVE_STATUS_WAITING);
}

/* The forecast of a GoToSocial account's move: snac, which takes Moves, refuses
 * GoToSocial's (the key id), so its followers are counted as staying, with why; the
 * backup check says GoToSocial's reason, not Mastodon's (issue 12 #18, #25). */
static void
test_gts_forecast (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(GError) error = NULL;
  FedisimServer *snac;
  GPtrArray *forecast;
  gboolean found = FALSE;
  const char *detail;

  setup (f, FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_GOTOSOCIAL);
  snac = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_LEGACY, "2.94", &error);
  g_assert_no_error (error);
  fedisim_server_add_user (snac, "s1", NULL);
  g_assert_true (fedisim_server_seed_follow (snac, "s1", f->old_handle, &error));
  g_assert_no_error (error);
  move = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_backup (move, NULL);
  refresh (move);

  detail = find_check (move, "backup")->detail;
  g_assert_null (strstr (detail, "refuses most of what a backup reads"));
  g_assert_nonnull (strstr (detail, "GoToSocial"));
  g_assert_cmpint (find_check (move, "backup")->level, ==, FERRY_MOVE_LEVEL_BLOCKER);

  forecast = ferry_move_get_forecast (move);
  for (guint i = 0; i < forecast->len; i++)
    {
      FerryMoveServer *server = g_ptr_array_index (forecast, i);

      if (g_str_equal (server->host, fedisim_server_get_host (snac)))
        {
          found = TRUE;
          g_assert_cmpint (server->fate, ==, FERRY_MOVE_FATE_REFUSES_ORIGIN);
          g_assert_nonnull (strstr (ferry_move_fate_text (server->fate), "refuse"));
        }
      else if (server->software != NULL && g_str_has_prefix (server->software, "Mastodon"))
        g_assert_cmpint (server->fate, ==, FERRY_MOVE_FATE_FOLLOWS);
    }
  g_assert_true (found);
}

/* A server with authorized fetch hides the alias: the person confirms it, and that is kept. */
static void
test_authorized_fetch (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(FerryMove) again = NULL;
  g_autoptr(GError) error = NULL;

  setup (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  fedisim_server_set_authorized_fetch (f->new_server, TRUE);
  move = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (move, TRUE);
  refresh (move);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_UNSURE);
  g_assert_true (run_stage (move, FERRY_MOVE_STAGE_ALIAS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_UNSURE);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE), ==, FERRY_MOVE_STATUS_PENDING);
  ferry_move_confirm_alias (move);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_DONE);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE), ==, FERRY_MOVE_STATUS_READY);

  again = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (again, TRUE);
  refresh (again);
  g_assert_cmpint (ferry_move_get_status (again, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_DONE);
}

/* What the servers answer, decided once by each family from the status and the server's own
 * text (the Mastodon forms' refusals are shown on its page, never to Ferry); the plain words
 * say what to do, the server's own words stay in the error. */
static void
test_refusals (void)
{
  static const struct {
    int family;   /* 0 GoToSocial, 1 Akkoma, 2 any other */
    guint status;
    const char *error;
    FerryMoveError code;
    const char *words;
  } cases[] = {
    { 0, 422, "Unprocessable Entity: target account https://new.example/users/b is not aliased "
              "to this account via alsoKnownAs; to Move to the target account from this one, you "
              "must log in to the target account and set alsoKnownAs to https://old.example/users/a",
      FERRY_MOVE_ERROR_NOT_AN_ALIAS, "alias step first" },
    { 0, 422, "Unprocessable Entity: your account has attempted to move within the last 5 "
              "minutes, please try again later", FERRY_MOVE_ERROR_RATE_LIMITED, "five minutes" },
    { 0, 422, "Unprocessable Entity: your account or the target account have moved within the "
              "last 7 days, please try again later", FERRY_MOVE_ERROR_COOLDOWN,
      "7 days on GoToSocial" },
    { 0, 400, "Bad Request: invalid password provided in account Move request",
      FERRY_MOVE_ERROR_WRONG_PASSWORD, "password is wrong" },
    { 0, 422, "Unprocessable Entity: target account https://new.example/users/b has already "
              "Moved somewhere else (https://x.example/users/c); you will not be able to Move to "
              "that account", FERRY_MOVE_ERROR_TARGET_MOVED, "moved away" },
    { 0, 422, "Unprocessable Entity: moved_to_uri could not be dereferenced",
      FERRY_MOVE_ERROR_NOT_FOUND, "could not find" },
    { 1, 200, "Target account must have the origin in `alsoKnownAs`",
      FERRY_MOVE_ERROR_NOT_AN_ALIAS, "alias step first" },
    { 1, 200, "Invalid password.", FERRY_MOVE_ERROR_WRONG_PASSWORD, "password is wrong" },
    { 1, 404, "Target account not found.", FERRY_MOVE_ERROR_NOT_FOUND, "could not find" },
    { 1, 200, "Something else entirely", FERRY_MOVE_ERROR_REFUSED, "Something else entirely" },
    { 2, 429, "Too many requests", FERRY_MOVE_ERROR_RATE_LIMITED, "no more requests" },
    /* The same words from a family that never says them decide nothing. */
    { 2, 422, "Invalid password.", FERRY_MOVE_ERROR_REFUSED, "Invalid password." },
  };
  g_autoptr(FerryClient) client = ferry_client_new ("https://old.example", NULL);
  g_autoptr(FerryMoveBackend) gts = g_object_new (FERRY_TYPE_MOVE_BACKEND_GTS,
                                                  "client", client, NULL);
  g_autoptr(FerryMoveBackend) akkoma = g_object_new (FERRY_TYPE_MOVE_BACKEND_AKKOMA,
                                                     "client", client, NULL);
  g_autoptr(FerryMoveBackend) other = ferry_move_backend_new (client, NULL, "a@old.example");
  FerryMoveBackend *families[] = { gts, akkoma, other };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *body = NULL;
      GError *answer;
      g_autoptr(GError) error = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, cases[i].error);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      body = json_to_string (root, FALSE);
      answer = ferry_api_error_new_for_response ("old.example", cases[i].status,
                                                 "application/json", body, strlen (body));
      if (cases[i].status == 429)
        ferry_api_error_set_reset_time (answer, 1767225600);
      error = ferry_move_error_new_refusal (families[cases[i].family], answer, 1767000000);
      if (!g_error_matches (error, FERRY_MOVE_ERROR, (int) cases[i].code) ||
          strstr (error->message, cases[i].words) == NULL)
        g_error ("“%s” (%u) read as %d, “%s”", cases[i].error, cases[i].status, error->code,
                 error->message);
      g_assert_cmpstr (ferry_move_error_get_server_text (error), ==, cases[i].error);
      g_assert_cmpuint (ferry_move_error_get_http_status (error), ==, cases[i].status);
      if (cases[i].code == FERRY_MOVE_ERROR_COOLDOWN)
        g_assert_cmpint (ferry_move_error_get_until (error), ==, 1767000000);
      if (cases[i].status == 429)
        g_assert_cmpint (ferry_move_error_get_until (error), ==, 1767225600);
    }

  /* No answer, no refusal: a lost connection stays what it is. */
  {
    GError *lost = g_error_new_literal (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK, "lost");
    g_autoptr(GError) error = ferry_move_error_new_refusal (gts, lost, 0);

    g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_NETWORK);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/move/refusals", test_refusals);
  g_test_add ("/move/authorized-fetch", Fixture, NULL, NULL, test_authorized_fetch, teardown);
  g_test_add ("/move/wait-ends", Fixture, NULL, NULL, test_wait_ends, teardown);
  g_test_add ("/move/stage-job-cancel", Fixture, NULL, NULL, test_stage_job_cancel, teardown);
  g_test_add ("/move/gts-forecast", Fixture, NULL, NULL, test_gts_forecast, teardown);
  return g_test_run ();
}
