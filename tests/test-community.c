/* test-community.c: the community model: members' states, the roster, its file
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "ferry-community-store.h"

#define T0 1796000000  /* 2026-11-29 */

static FerryMemberObservation
seen_old (void)
{
  FerryMemberObservation o = {
    .time = T0, .old_found = TRUE, .old_followers = 100, .old_last_status = "2026-11-20",
    .new_followers = -1,
  };

  return o;
}

static void
test_classify (void)
{
  FerryMemberObservation o = seen_old ();
  const char *expected = "ann@new.example";

  g_assert_cmpint (ferry_member_classify (&o, expected, 100, NULL), ==,
                   FERRY_MEMBER_STATE_NOT_STARTED);
  /* Inactive: no post since the date, or no post at all; a recent post is not. */
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, "2026-06-01"), ==,
                   FERRY_MEMBER_STATE_NOT_STARTED);
  o.old_last_status = "2025-01-05";
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, "2026-06-01"), ==,
                   FERRY_MEMBER_STATE_INACTIVE);
  o.old_last_status = NULL;
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, "2026-06-01"), ==,
                   FERRY_MEMBER_STATE_INACTIVE);

  o = seen_old ();
  o.new_found = TRUE;
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, NULL), ==,
                   FERRY_MEMBER_STATE_NEW_ACCOUNT);
  o.new_has_alias = TRUE;
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, NULL), ==,
                   FERRY_MEMBER_STATE_ALIAS_SET);

  /* Moved: by the share of the baseline's followers that arrived. */
  o.old_moved_to = "Ann@New.Example";
  o.new_followers = 0;
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, NULL), ==,
                   FERRY_MEMBER_STATE_MOVED);
  o.new_followers = 40;
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, NULL), ==,
                   FERRY_MEMBER_STATE_ARRIVING);
  o.new_followers = 80;
  g_assert_cmpint (ferry_member_classify (&o, expected, 100, NULL), ==,
                   FERRY_MEMBER_STATE_DONE);
  /* Nobody to bring: done at once. Unknown baseline: arriving, never done by a guess. */
  o.new_followers = 0;
  g_assert_cmpint (ferry_member_classify (&o, expected, 0, NULL), ==, FERRY_MEMBER_STATE_DONE);
  o.new_followers = 10;
  g_assert_cmpint (ferry_member_classify (&o, expected, -1, NULL), ==,
                   FERRY_MEMBER_STATE_ARRIVING);
  /* Another name on the same server is still here; another server is elsewhere. */
  o.old_moved_to = "annie@new.example";
  g_assert_cmpint (ferry_member_classify (&o, expected, 10, NULL), ==,
                   FERRY_MEMBER_STATE_DONE);
  o.old_moved_to = "ann@other.example";
  g_assert_cmpint (ferry_member_classify (&o, expected, 10, NULL), ==,
                   FERRY_MEMBER_STATE_ELSEWHERE);
  /* A moved account is often limited or deleted afterwards: the move still counts. */
  o.old_gone = TRUE;
  o.old_suspended = TRUE;
  g_assert_cmpint (ferry_member_classify (&o, expected, 10, NULL), ==,
                   FERRY_MEMBER_STATE_ELSEWHERE);

  o = seen_old ();
  o.old_suspended = TRUE;
  g_assert_cmpint (ferry_member_classify (&o, expected, 10, NULL), ==,
                   FERRY_MEMBER_STATE_SUSPENDED);
  o.old_gone = TRUE;
  g_assert_cmpint (ferry_member_classify (&o, expected, 10, NULL), ==,
                   FERRY_MEMBER_STATE_DELETED);
  /* Nothing answered: not known, never a guess. */
  o = seen_old ();
  o.old_found = FALSE;
  g_assert_cmpint (ferry_member_classify (&o, expected, 10, NULL), ==,
                   FERRY_MEMBER_STATE_UNKNOWN);
}

static void
test_state_ids (void)
{
  for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
    {
      FerryMemberState back = FERRY_MEMBER_N_STATES;

      g_assert_true (ferry_member_state_from_id (ferry_member_state_to_id (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_nonnull (ferry_member_state_to_label (s));
    }
  g_assert_false (ferry_member_state_from_id ("arrived-maybe", NULL));
  g_assert_cmpstr (ferry_member_state_to_id (FERRY_MEMBER_STATE_NOT_STARTED), ==, "not-started");

  {
    g_autofree char *ids = ferry_member_sources_to_ids (FERRY_MEMBER_SOURCE_ADMIN |
                                                        FERRY_MEMBER_SOURCE_CSV);

    g_assert_cmpstr (ids, ==, "admin,csv");
    g_assert_cmpint (ferry_member_sources_from_ids ("csv, admin,bogus"), ==,
                     FERRY_MEMBER_SOURCE_ADMIN | FERRY_MEMBER_SOURCE_CSV);
  }
}

static guint n_state_notifies;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  n_state_notifies++;
}

static void
test_observe (void)
{
  g_autoptr(FerryMember) member = ferry_member_new ("@Ann@Old.Example", "new.example");
  FerryMemberObservation o = seen_old ();
  GArray *history;

  g_assert_cmpstr (ferry_member_get_old_address (member), ==, "ann@old.example");
  g_assert_cmpstr (ferry_member_get_new_address (member), ==, "ann@new.example");
  g_assert_false (ferry_member_get_new_address_set (member));
  g_signal_connect (member, "notify::state", G_CALLBACK (count_notify), NULL);
  n_state_notifies = 0;

  ferry_member_set_baseline (member, 50, 20, 300, "2026-11-20", T0 - 10);
  g_assert_cmpint (ferry_member_observe (member, &o, NULL), ==, FERRY_MEMBER_STATE_NOT_STARTED);
  /* The same again: no new history entry, no notification. */
  o.time += 3600;
  ferry_member_observe (member, &o, NULL);
  history = ferry_member_get_history (member);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpuint (n_state_notifies, ==, 1);
  g_assert_cmpint (ferry_member_get_last_checked (member), ==, T0 + 3600);

  /* Moved under another name on the new server: that becomes the new address. */
  o.time += 3600;
  o.old_moved_to = "annie@new.example";
  o.new_followers = 10;
  g_assert_cmpint (ferry_member_observe (member, &o, NULL), ==, FERRY_MEMBER_STATE_ARRIVING);
  g_assert_cmpstr (ferry_member_get_new_address (member), ==, "annie@new.example");
  g_assert_cmpint (ferry_member_get_moved_at (member), ==, T0 + 7200);
  g_assert_cmpfloat_with_epsilon (ferry_member_get_arrived_ratio (member), 0.2, 1e-9);

  /* Followers keep coming: a record per change of count, the move time stays. */
  o.time += 3600;
  o.new_followers = 45;
  g_assert_cmpint (ferry_member_observe (member, &o, NULL), ==, FERRY_MEMBER_STATE_DONE);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (ferry_member_get_moved_at (member), ==, T0 + 7200);
  g_assert_cmpint (g_array_index (history, FerryMemberRecord, 2).new_followers, ==, 45);
  g_assert_cmpstr (g_array_index (history, FerryMemberRecord, 2).moved_to, ==,
                   "annie@new.example");
  g_assert_cmpuint (n_state_notifies, ==, 3);
}

static void
test_roster (void)
{
  g_autoptr(FerryCommunity) community =
    ferry_community_new ("Knitters", "Old.Example", "new.example", T0 + 30 * 86400);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  FerryMember *ann;
  FerryMemberObservation o = seen_old ();

  g_assert_cmpstr (ferry_community_get_old_host (community), ==, "old.example");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (community)) == FERRY_TYPE_MEMBER);

  ann = ferry_community_add_member (community, "ann@old.example", FERRY_MEMBER_SOURCE_DIRECTORY,
                                    &error);
  g_assert_no_error (error);
  /* The same member again, written differently: merged, sources joined. */
  g_assert_true (ferry_community_add_member (community, "@ANN@old.example",
                                             FERRY_MEMBER_SOURCE_ADMIN, NULL) == ann);
  g_assert_cmpint (ferry_member_get_sources (ann), ==,
                   FERRY_MEMBER_SOURCE_DIRECTORY | FERRY_MEMBER_SOURCE_ADMIN);
  g_assert_null (ferry_community_add_member (community, "not an address", 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  ferry_community_add_member (community, "bob@old.example", FERRY_MEMBER_SOURCE_MANUAL, NULL);
  ferry_community_add_member (community, "cy@old.example", FERRY_MEMBER_SOURCE_MANUAL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (community)), ==, 3);
  g_assert_true (ferry_community_find_member (community, "@Bob@OLD.example") != NULL);

  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_UNKNOWN), ==, 3);
  ferry_member_set_baseline (ann, 10, 0, 0, NULL, T0);
  o.old_moved_to = "ann@new.example";
  o.new_followers = 9;
  ferry_member_observe (ann, &o, NULL);
  o = seen_old ();
  o.old_moved_to = "bob@elsewhere.example";
  ferry_member_observe (ferry_community_find_member (community, "bob@old.example"), &o, NULL);
  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_DONE), ==, 1);
  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_ELSEWHERE), ==, 1);
  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_UNKNOWN), ==, 1);
  summary = ferry_community_describe_counts (community);
  g_assert_cmpstr (summary, ==, "1 of 3 arrived, 1 elsewhere, 1 not checked yet");

  /* The unchecked first, then the unmoved, the settled last. */
  {
    g_autoptr(GPtrArray) order = ferry_community_members_to_check (community, T0);

    g_assert_cmpstr (ferry_member_get_old_address (order->pdata[0]), ==, "cy@old.example");
    g_assert_cmpuint (order->len, ==, 3);
  }

  g_assert_true (ferry_community_remove_member (community, "bob@old.example"));
  g_assert_false (ferry_community_remove_member (community, "bob@old.example"));
  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_ELSEWHERE), ==, 0);
  g_assert_cmpuint (ferry_community_get_n_members (community), ==, 2);
}

static void
test_deadline (void)
{
  g_autoptr(FerryCommunity) community = ferry_community_new ("C", "a.example", "b.example",
                                                             T0 + 10 * 86400 + 3600);
  g_autofree char *warning = NULL;

  g_assert_cmpint (ferry_community_days_left (community, T0), ==, 10);
  g_assert_cmpint (ferry_community_days_left (community, T0 + 11 * 86400), ==, -1);
  warning = ferry_community_check_deadline (community, T0);
  g_assert_nonnull (strstr (warning, "10 days"));
  ferry_community_set_deadline (community, T0 + 90 * 86400);
  g_assert_null (ferry_community_check_deadline (community, T0));
}

static void
test_import (void)
{
  g_autoptr(FerryCommunity) community = ferry_community_new ("C", "old.example", "new.example",
                                                             T0);
  const char *pasted =
    "# our members\n"
    "@ann@old.example\n"
    "bob@old.example, https://old.example/@cy\n"
    "\n"
    "hello there\n"
    "ann@old.example\n";
  const char *follow_csv =
    "\xEF\xBB\xBF" "Account address,Show boosts,Notify on new posts,Languages\n"
    "dee@old.example,true,false,\n"
    "eve@old.example,false,false,\"en, de\"\n";
  const char *old_new = "fay@old.example,fay@elsewhere.example\nann@old.example,ann2@new.example\n";
  guint skipped = 99;

  g_assert_cmpuint (ferry_community_import (community, pasted, -1, FERRY_MEMBER_SOURCE_PASTED,
                                            &skipped), ==, 3);
  g_assert_cmpuint (skipped, ==, 2);  /* "hello", "there" */
  g_assert_nonnull (ferry_community_find_member (community, "cy@old.example"));

  g_assert_cmpuint (ferry_community_import (community, follow_csv, -1, FERRY_MEMBER_SOURCE_CSV,
                                            &skipped), ==, 2);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpstr (ferry_member_get_new_address (ferry_community_find_member (
                     community, "eve@old.example")), ==, "eve@new.example");

  g_assert_cmpuint (ferry_community_import (community, old_new, -1, FERRY_MEMBER_SOURCE_CSV,
                                            &skipped), ==, 1);
  g_assert_cmpstr (ferry_member_get_new_address (ferry_community_find_member (
                     community, "fay@old.example")), ==, "fay@elsewhere.example");
  g_assert_true (ferry_member_get_new_address_set (ferry_community_find_member (
                   community, "ann@old.example")));
  g_assert_cmpint (ferry_member_get_sources (ferry_community_find_member (
                     community, "ann@old.example")), ==,
                   FERRY_MEMBER_SOURCE_PASTED | FERRY_MEMBER_SOURCE_CSV);
  g_assert_cmpuint (ferry_community_get_n_members (community), ==, 6);

  /* Moving to the address set explicitly, on another server: not elsewhere. */
  {
    FerryMemberObservation o = seen_old ();

    o.old_moved_to = "fay@elsewhere.example";
    g_assert_cmpint (ferry_member_observe (ferry_community_find_member (community,
                                                                       "fay@old.example"),
                                           &o, NULL), ==, FERRY_MEMBER_STATE_MOVED);
  }

  /* A CSV that is broken is read as lines: what is an address still comes in. */
  g_assert_cmpuint (ferry_community_import (community, "gus@old.example,\"open\n", -1,
                                            FERRY_MEMBER_SOURCE_CSV, &skipped), ==, 1);
}

static void
test_roster_csv (void)
{
  g_autoptr(FerryCommunity) community = ferry_community_new ("C", "old.example", "new.example",
                                                             T0);
  FerryMember *ann = ferry_community_add_member (community, "ann@old.example",
                                                 FERRY_MEMBER_SOURCE_ADMIN, NULL);
  FerryMemberObservation o = seen_old ();
  g_autofree char *csv = NULL;

  ferry_member_set_baseline (ann, 200, 1, 1, NULL, T0);
  o.old_moved_to = "ann@new.example";
  o.new_followers = 150;
  ferry_member_observe (ann, &o, NULL);
  ferry_community_add_member (community, "=cmd@old.example", FERRY_MEMBER_SOURCE_CSV, NULL);
  csv = ferry_community_export_roster_csv (community);
  g_assert_true (g_str_has_prefix (csv, "Old address,New address,State,Sources,"));
  g_assert_nonnull (strstr (csv, "\nann@old.example,ann@new.example,arriving,admin,200,150,75,"
                                 "ann@new.example,2026-"));
}

static FerryCommunity *
sample_community (void)
{
  FerryCommunity *community = ferry_community_new ("Bird “Club”", "old.example",
                                                   "new.example", T0 + 20 * 86400);
  FerryMemberObservation o = seen_old ();
  FerryCommunityPost post = {
    .key = (char *) "announce-1", .kind = FERRY_COMMUNITY_POST_REMINDER,
    .status_id = (char *) "1099", .url = (char *) "https://old.example/@helper/1099",
    .scheduled_at = T0 + 600, .posted_at = T0 + 600, .confirmed = TRUE, .pinned = TRUE,
    .text = (char *) "We move to new.example by the 19th.",
  };

  ferry_community_set_helpers (community, "helper@old.example", "helper@new.example");
  ferry_community_set_inactive_since (community, "2026-01-01");
  ferry_community_set_phase (community, FERRY_COMMUNITY_PHASE_MOVE);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *address = g_strdup_printf ("m%u@old.example", i);
      FerryMember *member = ferry_community_add_member (community, address,
                                                        FERRY_MEMBER_SOURCE_DIRECTORY, NULL);

      ferry_member_set_baseline (member, i * 2, i, i * 10, "2026-11-01", T0);
      ferry_member_set_display_name (member, i == 3 ? "Zoë \"Z\" \\ <b>" : NULL);
      if (i % 3 == 0)
        {
          g_autofree char *moved = g_strdup_printf ("m%u@new.example", i);

          o.old_moved_to = moved;
          o.new_followers = i;
          ferry_member_observe (member, &o, NULL);
          o.old_moved_to = NULL;
        }
      else if (i % 3 == 1)
        ferry_member_observe (member, &o, NULL);
    }
  ferry_member_set_new_address (ferry_community_find_member (community, "m2@old.example"),
                                "two@other.example");
  ferry_member_set_opted_out (ferry_community_find_member (community, "m5@old.example"), TRUE);
  ferry_community_take_snapshot (community, T0 + 60);
  ferry_community_put_post (community, &post);
  return community;
}

static void
test_json_round_trip (void)
{
  g_autoptr(FerryCommunity) community = sample_community ();
  g_autofree char *json = ferry_community_to_json (community);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunity) back = ferry_community_new_from_json (json, strlen (json), &error);
  g_autofree char *again = NULL;
  FerryCommunityPost *post;
  GArray *snapshots;

  g_assert_no_error (error);
  g_assert_cmpstr (ferry_community_get_id (back), ==, ferry_community_get_id (community));
  g_assert_cmpstr (ferry_community_get_name (back), ==, "Bird “Club”");
  g_assert_cmpint (ferry_community_get_phase (back), ==, FERRY_COMMUNITY_PHASE_MOVE);
  g_assert_cmpuint (ferry_community_get_n_members (back), ==, 50);
  for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
    g_assert_cmpuint (ferry_community_count (back, s), ==, ferry_community_count (community, s));
  g_assert_cmpstr (ferry_member_get_display_name (ferry_community_find_member (back,
                                                                              "m3@old.example")),
                   ==, "Zoë \"Z\" \\ <b>");
  g_assert_cmpstr (ferry_member_get_new_address (ferry_community_find_member (back,
                                                                              "m2@old.example")),
                   ==, "two@other.example");
  g_assert_true (ferry_member_get_opted_out (ferry_community_find_member (back,
                                                                         "m5@old.example")));
  g_assert_cmpint (ferry_member_get_moved_at (ferry_community_find_member (back,
                                                                          "m9@old.example")),
                   ==, T0);
  post = ferry_community_find_post (back, "announce-1");
  g_assert_nonnull (post);
  g_assert_true (post->confirmed && post->pinned);
  g_assert_cmpint (post->kind, ==, FERRY_COMMUNITY_POST_REMINDER);
  g_assert_cmpint (post->scheduled_at, ==, T0 + 600);
  snapshots = ferry_community_get_snapshots (back);
  g_assert_cmpuint (snapshots->len, ==, 1);
  g_assert_cmpuint (g_array_index (snapshots, FerryCommunitySnapshot, 0).counts[
                      FERRY_MEMBER_STATE_NOT_STARTED], ==, 17);

  /* What was read writes out the same. */
  again = ferry_community_to_json (back);
  g_assert_cmpstr (again, ==, json);
}

static void
test_json_bad (void)
{
  const char *bad[] = {
    "", "[]", "{\"id\":\"x\"}", "{\"id\":1,\"name\":\"n\",\"old_host\":\"a\",\"new_host\":\"b\"}",
    "{\"version\":9,\"id\":\"x\",\"name\":\"n\",\"old_host\":\"a\",\"new_host\":\"b\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (ferry_community_new_from_json (bad[i], strlen (bad[i]), &error));
      g_assert_nonnull (error);
    }

  /* Odd members and records are skipped, the rest kept. */
  {
    const char *odd = "{\"id\":\"x\",\"name\":\"n\",\"old_host\":\"a.example\","
                      "\"new_host\":\"b.example\",\"members\":[1,{\"old\":\"?\"},"
                      "{\"old\":\"ok@a.example\",\"history\":[{\"state\":\"warp\"},"
                      "{\"state\":\"moved\",\"time\":5,\"moved_to\":\"ok@b.example\"}]}]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(FerryCommunity) c = ferry_community_new_from_json (odd, strlen (odd), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ferry_community_get_n_members (c), ==, 1);
    g_assert_cmpuint (ferry_community_count (c, FERRY_MEMBER_STATE_MOVED), ==, 1);
  }
}

static void
wait_saved (FerryCommunityStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ferry_community_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
test_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-community-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "communities", NULL);
  g_autoptr(FerryCommunityStore) store = ferry_community_store_new (sub);
  g_autoptr(FerryCommunity) community = sample_community ();
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  ferry_community_store_add (store, community);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  wait_saved (store);
  path = ferry_community_store_path_for (store, community);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* A change is saved by itself a moment later, from the main loop. */
  ferry_community_add_member (community, "late@old.example", FERRY_MEMBER_SOURCE_MANUAL, NULL);
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end)
      {
        g_autoptr(FerryCommunity) disk = NULL;

        g_main_context_iteration (NULL, FALSE);
        g_usleep (20000);
        disk = ferry_community_load (path, NULL);
        if (disk != NULL && ferry_community_get_n_members (disk) == 51)
          break;
      }
  }
  wait_saved (store);

  /* A second store reads it; a broken file is set aside, not lost, and named. */
  bad = g_build_filename (sub, "broken.json", NULL);
  g_assert_true (g_file_set_contents (bad, "{ not json", -1, NULL));
  {
    g_autoptr(FerryCommunityStore) again = ferry_community_store_new (sub);
    g_autofree char *aside = g_strconcat (bad, ".bad", NULL);
    FerryCommunity *found;

    g_assert_false (ferry_community_store_load (again, &error));
    g_assert_nonnull (strstr (error->message, "broken.json"));
    g_clear_error (&error);
    g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
    found = ferry_community_store_find (again, "Bird “Club”");
    g_assert_nonnull (found);
    g_assert_cmpuint (ferry_community_get_n_members (found), ==, 51);
    g_assert_true (ferry_community_store_find (again, ferry_community_get_id (community)) ==
                   found);
    g_assert_true (ferry_community_store_remove (again, found, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_unlink (aside);
  }
  g_rmdir (sub);
  g_rmdir (dir);
}

/* 5,000 members with histories: add, observe, save and read back (no timing: the benchmark
 * measures; this proves it all holds at that size). */
static void
test_large (void)
{
  g_autoptr(FerryCommunity) community = ferry_community_new ("Big", "old.example",
                                                             "new.example", T0);
  g_autofree char *json = NULL;
  g_autoptr(FerryCommunity) back = NULL;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *address = g_strdup_printf ("user%u@old.example", i);
      FerryMember *member = ferry_community_add_member (community, address,
                                                        FERRY_MEMBER_SOURCE_ADMIN, NULL);
      FerryMemberObservation o = seen_old ();

      ferry_member_set_baseline (member, 100, 10, 10, NULL, T0);
      ferry_member_observe (member, &o, NULL);
      if (i % 2 == 0)
        {
          g_autofree char *moved = g_strdup_printf ("user%u@new.example", i);

          o.time += 60;
          o.old_moved_to = moved;
          o.new_followers = 90;
          ferry_member_observe (member, &o, NULL);
        }
    }
  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_DONE), ==, 2500);
  g_assert_cmpuint (ferry_community_count (community, FERRY_MEMBER_STATE_NOT_STARTED), ==, 2500);
  json = ferry_community_to_json (community);
  back = ferry_community_new_from_json (json, strlen (json), NULL);
  g_assert_cmpuint (ferry_community_count (back, FERRY_MEMBER_STATE_DONE), ==, 2500);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/community/classify", test_classify);
  g_test_add_func ("/community/state-ids", test_state_ids);
  g_test_add_func ("/community/observe", test_observe);
  g_test_add_func ("/community/roster", test_roster);
  g_test_add_func ("/community/deadline", test_deadline);
  g_test_add_func ("/community/import", test_import);
  g_test_add_func ("/community/roster-csv", test_roster_csv);
  g_test_add_func ("/community/json-round-trip", test_json_round_trip);
  g_test_add_func ("/community/json-bad", test_json_bad);
  g_test_add_func ("/community/store", test_store);
  g_test_add_func ("/community/large", test_large);

  return g_test_run ();
}
