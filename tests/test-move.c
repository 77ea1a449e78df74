/* test-move.c: FerryMove against fedisim servers federating a real Move
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GoToSocial → GoToSocial and Akkoma → Mastodon through the servers' APIs (the Mastodon
 * alias through the scripted browser on the page Ferry names); Mastodon → Mastodon through
 * the web hand-off, and back again; followers on servers that ignore Move, and follow
 * requests on a locked account, as stragglers with their reasons. The servers' refusals, the
 * waits and the forecast: test-move-stages.c.
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

static void
sample (FerryMove *move,
        gint64    *old_followers,
        gint64    *new_followers)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *samples;
  FerryMoveSample *last;

  ferry_move_sample_async (move, NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_move_sample_finish (move, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  samples = ferry_move_get_samples (move);
  last = &g_array_index (samples, FerryMoveSample, samples->len - 1);
  *old_followers = last->old_followers;
  *new_followers = last->new_followers;
}


/* A step handed to a web page: Ferry watches while the person (the browser) fills it in. */
static void
run_handed_off (Fixture        *f,
                FerryMove      *move,
                FerryMoveStage  stage,
                const char     *user,
                const char     *password,
                const char    **fields,
                const char     *expect_on_page)
{
  g_autoptr(FerryMoveHandoff) handoff = ferry_move_get_handoff (move, stage);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  FerryJob *job;

  g_assert_nonnull (handoff);
  ferry_move_run_stage_async (move, stage, NULL, NULL, ferry_test_got_result, &result);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (ferry_move_get_status (move, stage), ==, FERRY_MOVE_STATUS_WAITING);
  /* The step is a job that waits: until the end of the wait limit, saying for what. */
  job = FERRY_JOB (ferry_move_get_stage_job (move, stage));
  g_assert_nonnull (job);
  g_assert_cmpint (ferry_job_get_state (job), ==, FERRY_JOB_STATE_WAITING);
  g_assert_cmpint (ferry_job_get_waiting_until (job), >, g_get_real_time ());
  g_assert_nonnull (strstr (ferry_job_get_waiting_reason (job), "Waiting for"));
  g_assert_cmpstr (ferry_job_get_status (job), ==, ferry_move_get_detail (move, stage));
  ferry_plan_follow (plan, move);
  g_assert_cmpint (ferry_step_get_state (ferry_plan_get_step (plan, FERRY_STEP_MOVE)), ==,
                   FERRY_STEP_STATE_RUNNING);
  fedisim_browser_clear_cookies (f->browser);
  page = fedisim_browser_submit_settings (f->browser, handoff->url, user, password, fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, expect_on_page));
  g_assert_true (ferry_move_run_stage_finish (move, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_move_get_status (move, stage), ==, FERRY_MOVE_STATUS_DONE);
  g_assert_cmpint (ferry_job_get_state (job), ==, FERRY_JOB_STATE_FINISHED);
}


static void
lock_new_account (Fixture *f)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  ferry_params_add_bool (params, "locked", TRUE);
  ferry_client_call_async (f->new_client, "PATCH", "/api/v1/accounts/update_credentials", params, NULL,
                           ferry_test_got_result, &result);
  node = ferry_client_call_finish (f->new_client, ferry_test_wait_for (&result), NULL, &error);
  g_assert_no_error (error);
}

/* Rewrites when @move's state file says the move happened. */
static void
set_moved_at (Fixture   *f,
              FerryMove *move,
              gint64     moved_at)
{
  g_autofree char *name = g_strdup_printf ("%s-to-%s.json", ferry_move_get_origin_handle (move),
                                           ferry_move_get_target_handle (move));
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_strdelimit (name, "/\\:", '_');
  path = g_build_filename (f->tmpdir, name, NULL);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "moved_at"), >, 0);
  json_object_set_int_member (json_node_get_object (json_parser_get_root (parser)), "moved_at", moved_at);
  text = json_to_string (json_parser_get_root (parser), FALSE);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

/* The plan's steps as the overview shows them, one letter each: Pending, Running,
 * Done, Skipped, Failed. */
static void
assert_plan (FerryMove  *move,
             const char *expected)
{
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  char states[FERRY_STEP_N_KINDS + 1] = { 0 };

  ferry_plan_follow (plan, move);
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    states[i] = "PRDSF"[ferry_step_get_state (ferry_plan_get_step (plan, i))];
  g_assert_cmpstr (states, ==, expected);
}

static JsonNode *
account_member (Fixture    *f,
                const char *name)
{
  g_autoptr(JsonNode) dump = fedisim_server_dump_account (f->new_server, "bob");

  return json_node_copy (json_object_get_member (json_node_get_object (dump), name));
}

static GPtrArray *
stragglers (FerryMove *move)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  ferry_move_stragglers_async (move, NULL, ferry_test_got_result, &result);
  list = ferry_move_stragglers_finish (move, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  return list;
}

/* Refused with the code the server's family decided, the server's own words kept beside the
 * plain ones, and the words of the explanation in the message. */
static GError *
assert_refused (FerryMove      *move,
                const char     *password,
                FerryMoveError  code,
                const char     *words)
{
  GError *error = NULL;

  g_assert_false (run_stage (move, FERRY_MOVE_STAGE_MOVE, password, &error));
  g_assert_error (error, FERRY_MOVE_ERROR, (int) code);
  g_assert_nonnull (ferry_move_error_get_server_text (error));
  g_assert_cmpuint (ferry_move_error_get_http_status (error), !=, 0);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not explain with “%s”", error->message, words);
  /* Not left waiting for a move that was refused. */
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE), !=, FERRY_MOVE_STATUS_WAITING);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE), !=, FERRY_MOVE_STATUS_DONE);
  return error;
}

/* GoToSocial to GoToSocial, all through the API, after the checks made everything ready. */
static void
test_gts (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(JsonNode) locked = NULL;
  guint follow, maybe, stay;
  gint64 old_before, new_before, old_after, new_after;

  setup (f, FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_GOTOSOCIAL);
  lock_new_account (f);
  move = new_move (f, FERRY_MOVE_FORWARD);
  refresh (move);

  /* Nothing changes until the checks pass: no transfer, a locked account. */
  g_assert_cmpint (find_check (move, "backup")->level, ==, FERRY_MOVE_LEVEL_OK);
  g_assert_cmpint (find_check (move, "transfer")->level, ==, FERRY_MOVE_LEVEL_BLOCKER);
  g_assert_cmpint (find_check (move, "transfer")->fix, ==, FERRY_MOVE_FIX_SKIP_TRANSFER);
  g_assert_cmpint (find_check (move, "locked")->fix, ==, FERRY_MOVE_FIX_UNLOCK);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_CHECKS), ==, FERRY_MOVE_STATUS_FAILED);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_PENDING);
  g_assert_false (ferry_move_checks_passed (move));
  assert_plan (move, "DFDPPP");

  ferry_move_set_transfer_skipped (move, TRUE);
  ferry_move_unlock_async (move, NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_move_unlock_finish (move, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  locked = account_member (f, "account");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (locked), "locked"));
  g_assert_true (ferry_move_checks_passed (move));
  g_assert_cmpint (find_check (move, "locked")->level, ==, FERRY_MOVE_LEVEL_OK);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_CHECKS), ==, FERRY_MOVE_STATUS_WARNING);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_READY);
  g_assert_null (ferry_move_get_handoff (move, FERRY_MOVE_STAGE_ALIAS));
  g_assert_true (ferry_move_needs_password (move));
  assert_plan (move, "DDDSPP");

  /* The forecast: the small fixture's followers over four servers, one of which (snac
   * before 2.61) ignores Move. */
  ferry_move_get_forecast_totals (move, &follow, &maybe, &stay);
  g_assert_cmpuint (follow + maybe + stay, ==, 8);
  g_assert_cmpuint (stay, >, 0);
  g_assert_cmpuint (follow, >, 0);
  csv_path = g_build_filename (f->tmpdir, "forecast.csv", NULL);
  g_assert_true (ferry_move_export_forecast (move, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "Server,Software,Followers,Outlook\n"));
  g_assert_nonnull (strstr (csv, "snac 2.59"));

  /* bob already names another account: GoToSocial's list replaces the whole list, so
   * Ferry sends it again with alice (issue 12 #14). */
  fedisim_server_add_user (f->old_server, "carol", NULL);
  {
    g_autoptr(FerryParams) params = ferry_params_new ();
    g_autofree char *carol = g_strdup_printf ("%s/users/carol", fedisim_server_get_base_url (f->old_server));
    g_autoptr(JsonNode) node = NULL;

    ferry_params_add (params, "also_known_as_uris", carol);
    g_clear_object (&result);
    ferry_client_call_async (f->new_client, "POST", "/api/v1/accounts/alias", params, NULL,
                             ferry_test_got_result, &result);
    node = ferry_client_call_finish (f->new_client, ferry_test_wait_for (&result), NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
  }
  fedisim_server_reset_counts (f->new_server);

  /* Refusals in plain words: no alias yet; then the five minutes between attempts. */
  g_clear_error (&error);
  error = assert_refused (move, "old-pw", FERRY_MOVE_ERROR_NOT_AN_ALIAS, "alias");
  g_assert_cmpuint (ferry_move_error_get_http_status (error), ==, 422);
  g_clear_error (&error);
  g_assert_true (run_stage (move, FERRY_MOVE_STAGE_ALIAS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_DONE);
  {
    g_autoptr(JsonNode) aliases = account_member (f, "also_known_as");
    JsonArray *list = json_node_get_array (aliases);

    /* Both there: carol kept, alice added; one alias request, read back from its answer. */
    g_assert_cmpuint (json_array_get_length (list), ==, 2);
    g_assert_true (g_str_has_suffix (json_array_get_string_element (list, 0), "/users/carol"));
    g_assert_true (g_str_has_suffix (json_array_get_string_element (list, 1), "/users/alice"));
    g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/alias"), ==, 1);
    g_assert_cmpuint (fedisim_server_request_count (f->new_server, "GET /api/v1/accounts/verify_credentials"), <=, 2);
  }
  assert_plan (move, "DDDSPP");
  error = assert_refused (move, "old-pw", FERRY_MOVE_ERROR_RATE_LIMITED, "five minutes");
  g_assert_cmpint (ferry_move_error_get_until (error), >, g_get_real_time () / G_USEC_PER_SEC);
  g_clear_error (&error);
  fedisim_world_advance (f->world, 301);
  error = assert_refused (move, "wrong", FERRY_MOVE_ERROR_WRONG_PASSWORD, "password is wrong");
  g_assert_cmpuint (ferry_move_error_get_http_status (error), ==, 400);
  g_clear_error (&error);

  sample (move, &old_before, &new_before);
  g_assert_true (run_stage (move, FERRY_MOVE_STAGE_MOVE, "old-pw", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE), ==, FERRY_MOVE_STATUS_DONE);
  fedisim_world_run_until_idle (f->world);
  sample (move, &old_after, &new_after);
  g_test_message ("GoToSocial → GoToSocial: followers before %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT
                  ", after %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                  old_before, new_before, old_after, new_after);
  g_assert_cmpint (old_before, ==, 8);
  g_assert_cmpint (new_after, ==, follow + maybe);
  g_assert_cmpint (old_after, ==, stay);
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_WATCH), ==, FERRY_MOVE_STATUS_DONE);
  assert_plan (move, "DDDSDD");

  left = stragglers (move);
  g_assert_cmpuint (left->len, ==, stay);
  for (guint i = 0; i < left->len; i++)
    {
      FerryMoveStraggler *straggler = g_ptr_array_index (left, i);

      g_assert_nonnull (strstr (straggler->reason, "ignores moves"));
    }
  g_assert_true (ferry_move_export_stragglers (left, csv_path, &error));
  g_assert_no_error (error);

  /* Read afresh after the move, as `ferry-cli watch` and `check` do: GoToSocial refuses
   * the moved account's token the lookup (403) and answers no token with 401; Ferry reads
   * it through verify_credentials, asking the lookup once (issue 12 #15). */
  {
    g_autoptr(FerryMove) after = new_move (f, FERRY_MOVE_FORWARD);
    g_autoptr(FerryMove) back = NULL;
    g_autoptr(FerryMoveHandoff) handoff = NULL;
    const FerryMoveCheck *check;
    gint64 started;

    ferry_move_set_transfer_skipped (after, TRUE);
    fedisim_server_reset_counts (f->old_server);
    refresh (after);
    sample (after, &old_after, &new_after);
    g_assert_cmpint (ferry_move_get_status (after, FERRY_MOVE_STAGE_MOVE), ==, FERRY_MOVE_STATUS_DONE);
    g_assert_cmpint (find_check (after, "old-account")->level, <, FERRY_MOVE_LEVEL_WARNING);
    g_assert_cmpint (old_after, ==, stay);
    g_assert_cmpuint (fedisim_server_status_count (f->old_server, 403), <=, 1);
    g_assert_cmpuint (fedisim_server_request_count (f->old_server, "GET /api/v1/accounts/lookup"), <=, 1);
    g_clear_pointer (&left, g_ptr_array_unref);
    left = stragglers (after);
    g_assert_cmpuint (left->len, ==, stay);

    /* Back on GoToSocial: no cancel-redirect, a move to a moved account refused: said as
     * GoToSocial's rules, no Mastodon page opened, and nothing waited for (issue 12 #20). */
    back = new_move (f, FERRY_MOVE_BACK);
    refresh (back);
    check = find_check (back, "target-moved");
    g_assert_cmpint (check->level, ==, FERRY_MOVE_LEVEL_BLOCKER);
    g_assert_nonnull (strstr (check->detail, "GoToSocial"));
    g_assert_nonnull (strstr (check->detail, "admin"));
    g_assert_nonnull (strstr (check->detail, "5 minutes"));
    g_assert_null (strstr (check->detail, "30 days"));
    g_assert_false (ferry_move_checks_passed (back));
    g_assert_cmpint (ferry_move_get_status (back, FERRY_MOVE_STAGE_REDIRECT), ==, FERRY_MOVE_STATUS_FAILED);
    handoff = ferry_move_get_handoff (back, FERRY_MOVE_STAGE_REDIRECT);
    g_assert_null (handoff);
    started = g_get_monotonic_time ();
    g_assert_false (run_stage (back, FERRY_MOVE_STAGE_REDIRECT, NULL, &error));
    g_assert_error (error, FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, "admin"));
    g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
    g_clear_error (&error);
  }
}

/* Akkoma to a locked Mastodon account: the alias on Mastodon's page, the move through
 * Akkoma's API (its refusals come with HTTP 200); moved followers wait as requests. */
static void
test_akkoma_mastodon (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(FerryMoveHandoff) handoff = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_url = NULL;
  g_autofree char *expected_copy = NULL;
  g_autofree char *old_acct = NULL;
  g_autoptr(JsonNode) waiting = NULL;
  const char *alias_fields[3] = { "account_alias[acct]", NULL, NULL };
  guint requests = 0;
  gint64 old_before, new_before, old_after, new_after;

  setup (f, FEDISIM_FLAVOUR_AKKOMA, FEDISIM_FLAVOUR_MASTODON);
  lock_new_account (f);
  move = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (move, TRUE);
  refresh (move);
  g_assert_cmpint (find_check (move, "locked")->level, ==, FERRY_MOVE_LEVEL_WARNING);
  g_assert_true (ferry_move_checks_passed (move));

  handoff = ferry_move_get_handoff (move, FERRY_MOVE_STAGE_ALIAS);
  expected_url = g_strconcat (fedisim_server_get_base_url (f->new_server), "/settings/aliases", NULL);
  expected_copy = g_strconcat ("@", f->old_handle, NULL);
  g_assert_cmpstr (handoff->url, ==, expected_url);
  g_assert_cmpstr (handoff->copy, ==, expected_copy);
  g_assert_null (ferry_move_get_handoff (move, FERRY_MOVE_STAGE_MOVE));

  g_clear_error (&error);
  /* Akkoma says both with HTTP 200, in the body. */
  error = assert_refused (move, "old-pw", FERRY_MOVE_ERROR_NOT_AN_ALIAS, "alias");
  g_assert_cmpuint (ferry_move_error_get_http_status (error), ==, 200);
  g_clear_error (&error);
  alias_fields[1] = f->old_handle;
  run_handed_off (f, move, FERRY_MOVE_STAGE_ALIAS, "bob", "new-pw", alias_fields, "/users/alice");
  error = assert_refused (move, "nope", FERRY_MOVE_ERROR_WRONG_PASSWORD, "password is wrong");
  g_assert_cmpstr (ferry_move_error_get_server_text (error), ==, "Invalid password.");
  g_clear_error (&error);

  sample (move, &old_before, &new_before);
  g_assert_true (run_stage (move, FERRY_MOVE_STAGE_MOVE, "old-pw", &error));
  g_assert_no_error (error);
  fedisim_world_run_until_idle (f->world);
  sample (move, &old_after, &new_after);
  g_test_message ("Akkoma → Mastodon (locked): followers before %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT
                  ", after %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                  old_before, new_before, old_after, new_after);

  /* Locked: no one arrives as a follower; they wait as requests, and are told apart. */
  g_assert_cmpint (new_after, ==, 0);
  left = stragglers (move);
  g_assert_cmpuint (left->len, ==, 8);
  for (guint i = 0; i < left->len; i++)
    if (strstr (((FerryMoveStraggler *) g_ptr_array_index (left, i))->reason, "Follow request waiting"))
      requests++;
  g_assert_cmpuint (requests, >, 0);
  waiting = account_member (f, "follow_requests");
  g_assert_cmpuint (requests, ==, json_array_get_length (json_node_get_array (waiting)));
  old_acct = g_strdup (ferry_move_get_origin_handle (move));
  g_assert_cmpstr (old_acct, ==, f->old_handle);
}

/* Mastodon to Mastodon through its web pages, then back again. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(FerryMove) move = NULL;
  g_autoptr(FerryMove) back = NULL;
  g_autoptr(FerryMove) again = NULL;
  g_autoptr(FerryMove) later = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  g_autoptr(FerryMoveStageJob) done_job = NULL;
  const char *alias_fields[3] = { "account_alias[acct]", NULL, NULL };
  const char *move_fields[5] = { "account_migration[acct]", NULL, "account_migration[current_password]", NULL, NULL };
  const char *cancel_fields[] = { "_method", "delete", NULL };
  gint64 old_before, new_before, old_after, new_after, old_back, new_back;
  g_autofree char *migration = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;

  setup (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  migration = g_strconcat (fedisim_server_get_base_url (f->new_server), "/settings/migration", NULL);
  move = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (move, TRUE);
  refresh (move);
  g_assert_true (ferry_move_checks_passed (move));
  g_assert_false (ferry_move_needs_password (move));
  g_assert_false (has_check (move, "cooldown"));
  g_assert_false (ferry_move_has_stage (move, FERRY_MOVE_STAGE_REDIRECT));
  sample (move, &old_before, &new_before);

  alias_fields[1] = f->old_handle;
  run_handed_off (f, move, FERRY_MOVE_STAGE_ALIAS, "bob", "new-pw", alias_fields, "/users/alice");
  g_assert_cmpint (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE), ==, FERRY_MOVE_STATUS_READY);
  move_fields[1] = f->new_handle;
  move_fields[3] = "old-pw";
  run_handed_off (f, move, FERRY_MOVE_STAGE_MOVE, "alice", "old-pw", move_fields, "currently being redirected");
  fedisim_world_run_until_idle (f->world);
  sample (move, &old_after, &new_after);
  g_test_message ("Mastodon → Mastodon: followers before %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT
                  ", after %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                  old_before, new_before, old_after, new_after);
  g_assert_cmpint (new_after, >, 0);
  g_assert_cmpint (old_after + new_after, ==, old_before);
  left = stragglers (move);
  g_assert_cmpint (left->len, ==, old_after);

  /* A move's finished step speaks for its plan; not for the next move's (below). */
  done_job = ferry_move_stage_job_new (move, FERRY_MOVE_STAGE_MOVE, NULL);
  ferry_job_run_async (FERRY_JOB (done_job), NULL, NULL, NULL);
  while (!ferry_job_is_ended (FERRY_JOB (done_job)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (done_job)), ==, FERRY_JOB_STATE_FINISHED);
  ferry_plan_follow (plan, move);
  g_assert_true (ferry_plan_get_job (plan, FERRY_STEP_MOVE) == FERRY_JOB (done_job));
  g_assert_cmpint (ferry_step_get_state (ferry_plan_get_step (plan, FERRY_STEP_MOVE)), ==,
                   FERRY_STEP_STATE_DONE);

  /* Back: the redirect cancelled on the old account, the alias there, the move from new. */
  back = new_move (f, FERRY_MOVE_BACK);
  refresh (back);
  g_assert_true (ferry_move_has_stage (back, FERRY_MOVE_STAGE_REDIRECT));
  g_assert_false (ferry_move_has_stage (back, FERRY_MOVE_STAGE_BACKUP));
  g_assert_cmpint (ferry_move_get_status (back, FERRY_MOVE_STAGE_REDIRECT), ==, FERRY_MOVE_STATUS_READY);
  g_assert_cmpint (ferry_move_get_status (back, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_PENDING);
  g_assert_true (ferry_move_checks_passed (back));
  assert_plan (back, "DDSSPP");
  ferry_plan_follow (plan, back);
  g_assert_null (ferry_plan_get_job (plan, FERRY_STEP_MOVE));
  g_assert_cmpint (ferry_step_get_state (ferry_plan_get_step (plan, FERRY_STEP_MOVE)), ==,
                   FERRY_STEP_STATE_PENDING);
  run_handed_off (f, back, FERRY_MOVE_STAGE_REDIRECT, "alice", "old-pw", cancel_fields,
                  "not currently being redirected");
  g_assert_cmpint (ferry_move_get_status (back, FERRY_MOVE_STAGE_ALIAS), ==, FERRY_MOVE_STATUS_READY);
  alias_fields[1] = f->new_handle;
  run_handed_off (f, back, FERRY_MOVE_STAGE_ALIAS, "alice", "old-pw", alias_fields, "/users/bob");
  move_fields[1] = f->old_handle;
  move_fields[3] = "new-pw";
  run_handed_off (f, back, FERRY_MOVE_STAGE_MOVE, "bob", "new-pw", move_fields, "currently being redirected");
  fedisim_world_run_until_idle (f->world);
  sample (back, &old_back, &new_back);
  g_test_message ("… and back: followers %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, old_back, new_back);
  g_assert_cmpint (old_back, ==, old_before);
  g_assert_cmpint (new_back, ==, 0);
  assert_plan (back, "DDSSDD");

  /* Forward again at once: Mastodon's 30 days since the first move are foreseen. */
  again = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (again, TRUE);
  refresh (again);
  g_assert_cmpint (find_check (again, "cooldown")->level, ==, FERRY_MOVE_LEVEL_WARNING);
  g_assert_nonnull (strstr (find_check (again, "cooldown")->detail, "30 days"));

  /* As if that move were 31 days ago: nothing to wait for any more. */
  set_moved_at (f, again, g_get_real_time () / G_USEC_PER_SEC - 31 * 86400);
  later = new_move (f, FERRY_MOVE_FORWARD);
  ferry_move_set_transfer_skipped (later, TRUE);
  refresh (later);
  g_assert_false (has_check (later, "cooldown"));

  /* And moved again, once the new account's redirect is cancelled by hand and the server's
   * cooldown is over too: the second move gets its own date. */
  fedisim_world_advance (f->world, 31 * 86400);
  fedisim_browser_clear_cookies (f->browser);
  page = fedisim_browser_submit_settings (f->browser, migration, "bob", "new-pw", cancel_fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "not currently being redirected"));
  refresh (later);
  g_assert_true (ferry_move_checks_passed (later));
  move_fields[1] = f->new_handle;
  move_fields[3] = "old-pw";
  run_handed_off (f, later, FERRY_MOVE_STAGE_MOVE, "alice", "old-pw", move_fields, "currently being redirected");
  g_assert_cmpint (ferry_move_get_moved_at (later), >, g_get_real_time () / G_USEC_PER_SEC - 3600);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/move/gts-gts", Fixture, NULL, NULL, test_gts, teardown);
  g_test_add ("/move/akkoma-mastodon", Fixture, NULL, NULL, test_akkoma_mastodon, teardown);
  g_test_add ("/move/round-trip", Fixture, NULL, NULL, test_round_trip, teardown);
  return g_test_run ();
}
