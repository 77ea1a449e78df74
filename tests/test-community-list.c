/* test-community-list.c: the shared list against fedisim over HTTPS: the follow CSV and
 * lists.csv imported by a member through the import page, and the real list on the helper's
 * new account holding exactly the moved members, on each flavour's rule
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-community-export.h"
#include "ferry-shared-list-job.h"
#include "ferry-test-fixture.h"
#include "ferry-test-util.h"

#define N_MOVED   5
#define N_MEMBERS 8

/* Members m0..m7 of old.example; m0..m4 moved to the new server (accounts made there), m5 has
 * a new account only, m6 and m7 have not started. */
static FerryCommunity *
make_community (FedisimServer *server)
{
  const char *host = fedisim_server_get_host (server);
  FerryCommunity *community = ferry_community_new ("Birders", "old.example", host,
                                                   1900000000);

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *old = g_strdup_printf ("m%u@old.example", i);
      g_autofree char *name = g_strdup_printf ("m%u", i);
      g_autofree char *moved = g_strdup_printf ("m%u@%s", i, host);
      g_autoptr(GError) error = NULL;
      FerryMember *member = ferry_community_add_member (community, old,
                                                        FERRY_MEMBER_SOURCE_MANUAL, &error);
      FerryMemberObservation seen = { .time = 1000, .old_found = TRUE, .old_followers = 10,
                                      .new_followers = -1 };

      g_assert_no_error (error);
      if (i <= 5)
        fedisim_server_add_user (server, name, "pw");
      if (i < N_MOVED)
        {
          seen.old_moved_to = moved;
          seen.new_found = TRUE;
          seen.new_followers = 9;
        }
      else if (i == 5)
        seen.new_found = TRUE;
      ferry_member_set_baseline (member, 10, 5, 100, "2026-11-01", 900);
      ferry_member_observe (member, &seen, NULL);
    }
  return community;
}

static void
test_export_import (FerryTestFixture *f,
                    gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = make_community (f->server);
  g_autofree char *self_address = g_strdup_printf ("m0@%s", fedisim_server_get_host (f->server));
  g_autofree char *csv = ferry_community_export_follows_csv (community, self_address);
  g_autofree char *lists = ferry_community_export_lists_csv (community, "Birders, moved",
                                                            self_address);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_autoptr(FedisimBrowser) browser = fedisim_browser_new (f->world);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GBytes) list_bytes = g_bytes_new (lists, strlen (lists));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autofree char *page = NULL;
  g_autofree char *list_page = NULL;
  JsonArray *following;
  JsonArray *member_lists;

  /* Mastodon's header, then the new addresses of accounts that exist, sorted, without the
   * importing member's own: m1..m5 (m5's new account exists; m6, m7 have none). */
  g_assert_cmpstr (lines[0], ==, "Account address,Show boosts,Notify on new posts,Languages");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "m1@"));
  g_assert_true (g_str_has_suffix (lines[1], ",true,false,"));
  g_assert_null (strstr (csv, "m0@"));
  g_assert_null (strstr (csv, "old.example"));
  g_assert_true (g_str_has_prefix (lists, "\"Birders, moved\",m1@"));
  g_assert_null (ferry_community_export_check_size (community));

  /* Member m0 imports the follow CSV through the server's own import page. */
  page = fedisim_browser_upload_import (browser, fedisim_server_get_base_url (f->server), "m0",
                                        "pw", "following", "merge", bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "finished"));
  dump = fedisim_server_dump_account (f->server, "m0");
  following = json_object_get_array_member (json_node_get_object (dump), "following");
  g_assert_cmpuint (json_array_get_length (following), ==, 5);

  /* And the lists.csv: one list with the four moved others and m5. */
  fedisim_browser_clear_cookies (browser);
  list_page = fedisim_browser_upload_import (browser, fedisim_server_get_base_url (f->server),
                                             "m0", "pw", "lists", "merge", list_bytes, &error);
  g_assert_no_error (error);
  g_clear_pointer (&dump, json_node_unref);
  dump = fedisim_server_dump_account (f->server, "m0");
  member_lists = json_object_get_array_member (json_node_get_object (dump), "lists");
  g_assert_cmpuint (json_array_get_length (member_lists), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (member_lists, 0),
                                                  "title"), ==, "Birders, moved");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (member_lists, 0), "members")), ==, 5);
}

static gboolean
run_job (FerryJob *job,
         GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_job_run_async (job, NULL, ferry_test_got_result, &result);
  ferry_test_wait_for (&result);
  return ferry_job_run_finish (job, result, error);
}

static void
test_real_list (FerryTestFixture *f,
                gconstpointer     data)
{
  FedisimFlavour flavour = GPOINTER_TO_INT (data);
  const char *software = flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ? "gotosocial"
                         : flavour == FEDISIM_FLAVOUR_AKKOMA ? "akkoma" : "mastodon";
  FedisimServer *server = f->server;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerrySharedListJob) job = NULL;
  g_autoptr(FerrySharedListJob) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autofree char *token = NULL;
  JsonArray *lists;
  JsonArray *members;

  if (flavour != FEDISIM_FLAVOUR_MASTODON)
    {
      server = fedisim_world_add_server (f->world, flavour, NULL, &error);
      g_assert_no_error (error);
    }
  fedisim_server_add_user (server, "helper", "pw");
  token = fedisim_server_issue_token (server, "helper", "read write follow");
  client = ferry_test_fixture_new_client (f, server, token);
  community = make_community (server);
  job = ferry_shared_list_job_new (community, client, software, "Birders");

  g_assert_true (run_job (FERRY_JOB (job), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_shared_list_job_get_n_listed (job), ==, N_MOVED);
  g_assert_cmpuint (ferry_shared_list_job_get_missing (job)->len, ==, 0);
  /* Followed first where the server needs it; never on Akkoma. */
  g_assert_cmpuint (ferry_shared_list_job_get_n_follows (job), ==,
                    flavour == FEDISIM_FLAVOUR_AKKOMA ? 0 : N_MOVED);
  g_assert_cmpuint (fedisim_server_request_count (server, "POST /api/v1/accounts/:id/follow"), ==,
                    flavour == FEDISIM_FLAVOUR_AKKOMA ? 0 : N_MOVED);

  /* The lists, per member a lookup (and a follow), the new list, one batch, the read-back. */
  g_assert_cmpuint (fedisim_server_answer_count (server), ==,
                    1 + N_MOVED * (flavour == FEDISIM_FLAVOUR_AKKOMA ? 1 : 2) + 3);

  /* What the server holds: exactly the moved members. */
  dump = fedisim_server_dump_account (server, "helper");
  lists = json_object_get_array_member (json_node_get_object (dump), "lists");
  g_assert_cmpuint (json_array_get_length (lists), ==, 1);
  members = json_object_get_array_member (json_array_get_object_element (lists, 0), "members");
  g_assert_cmpuint (json_array_get_length (members), ==, N_MOVED);
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      const char *handle = json_array_get_string_element (members, i);

      g_assert_true (g_str_has_prefix (handle, "m"));
      g_assert_cmpint (handle[1] - '0', <, N_MOVED);
    }

  /* Once more: the same list, no second one, nothing missing, nobody followed again: the
   * lists, the list's members, the read-back. */
  fedisim_server_reset_counts (server);
  again = ferry_shared_list_job_new (community, client, software, "Birders");
  g_assert_true (run_job (FERRY_JOB (again), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_shared_list_job_get_n_follows (again), ==, 0);
  g_assert_cmpuint (fedisim_server_answer_count (server), ==, 3);
  g_clear_pointer (&dump, json_node_unref);
  dump = fedisim_server_dump_account (server, "helper");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (dump), "lists")), ==, 1);
  g_assert_cmpuint (ferry_shared_list_job_get_n_listed (again), ==, N_MOVED);
  g_assert_cmpuint (fedisim_server_status_count (server, 429), ==, 0);
}

/* Two follows a day (Mastodon's 400, made small): Ferry waits for the next day on the server's
 * clock, never over the limit, and the list still holds everyone. */
static void
test_day_plan (FerryTestFixture *f,
               gconstpointer     data)
{
  g_autoptr(FerryCommunity) community = make_community (f->server);
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(FerrySharedListJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 start = fedisim_world_now (f->world);

  fedisim_server_add_user (f->server, "helper", "pw");
  token = fedisim_server_issue_token (f->server, "helper", "read write follow");
  client = ferry_test_fixture_new_client (f, f->server, token);
  /* A day of waiting is a moment here. */
  ferry_client_set_time_scale (client, 1000000.0);
  job = ferry_shared_list_job_new (community, client, "mastodon", "Birders");
  ferry_shared_list_job_set_follows_per_day (job, 2);
  g_assert_true (run_job (FERRY_JOB (job), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_shared_list_job_get_n_follows (job), ==, N_MOVED);
  g_assert_cmpuint (ferry_shared_list_job_get_n_listed (job), ==, N_MOVED);
  /* 5 follows at 2 a day: two waits, two days on the server's clock. */
  g_assert_cmpuint (f->waits, ==, 2);
  g_assert_cmpint (fedisim_world_now (f->world) - start, >=, 2 * 86400 - 60);
  g_assert_cmpint (fedisim_world_now (f->world) - start, <, 3 * 86400);
  g_assert_cmpuint (fedisim_server_status_count (f->server, 429), ==, 0);
}

static void
test_plan_days (void)
{
  g_assert_cmpuint (ferry_shared_list_job_plan_days (0, 400), ==, 1);
  g_assert_cmpuint (ferry_shared_list_job_plan_days (400, 400), ==, 1);
  g_assert_cmpuint (ferry_shared_list_job_plan_days (401, 400), ==, 2);
  g_assert_cmpuint (ferry_shared_list_job_plan_days (5000, 400), ==, 13);
  g_assert_cmpuint (ferry_shared_list_job_plan_days (5000, 0), ==, 1);
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
  g_test_add_func ("/community/list/plan-days", test_plan_days);
  ADD ("/community/list/export-import", NULL, test_export_import);
  ADD ("/community/list/day-plan", NULL, test_day_plan);
  ADD ("/community/list/real/mastodon", GINT_TO_POINTER (FEDISIM_FLAVOUR_MASTODON),
       test_real_list);
  ADD ("/community/list/real/gotosocial", GINT_TO_POINTER (FEDISIM_FLAVOUR_GOTOSOCIAL),
       test_real_list);
  ADD ("/community/list/real/akkoma", GINT_TO_POINTER (FEDISIM_FLAVOUR_AKKOMA), test_real_list);
  return g_test_run ();
}
