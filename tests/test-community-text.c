/* test-community-text.c: the announcement, reminders, final post and mention batches
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ferry-community-guide.h"
#include "ferry-community-text.h"

/* 2026-12-17 12:00 UTC */
#define DEADLINE 1797508800

static FerryCommunity *
new_community (void)
{
  FerryCommunity *community = ferry_community_new ("Birders", "old.example", "new.example",
                                                   DEADLINE);

  return community;
}

static void
test_length (void)
{
  /* A URL is 23, a mention its @username only. */
  g_assert_cmpuint (ferry_community_text_length ("abc"), ==, 3);
  g_assert_cmpuint (ferry_community_text_length ("see https://example.org/a/very/long/path/x"),
                    ==, 4 + 23);
  g_assert_cmpuint (ferry_community_text_length ("@bob@far.example hi"), ==, 4 + 3);
  g_assert_cmpuint (ferry_community_text_length ("é"), ==, 1);
}

static void
test_announcement (void)
{
  g_autoptr(FerryCommunity) community = new_community ();
  g_autofree char *text = ferry_community_text_announcement (community,
                                                            "https://old.example/guide", 500);
  g_autofree char *short_text = ferry_community_text_announcement (community,
                                                                  "https://old.example/guide",
                                                                  300);
  g_autofree char *tiny = ferry_community_text_announcement (community, NULL, 40);

  g_assert_nonnull (strstr (text, "Birders"));
  g_assert_nonnull (strstr (text, "new.example"));
  g_assert_nonnull (strstr (text, "https://new.example/auth/sign_up"));
  g_assert_nonnull (strstr (text, "https://old.example/guide"));
  g_assert_nonnull (strstr (text, "17 December 2026, 12:00 UTC"));
  /* What does not move is said. */
  g_assert_nonnull (strstr (text, "Posts and media do not move"));
  g_assert_cmpuint (ferry_community_text_length (text), <=, 500);

  /* A smaller limit leaves out the optional sentences first, keeping the guide. */
  g_assert_cmpuint (ferry_community_text_length (short_text), <=, 300);
  g_assert_nonnull (strstr (short_text, "https://old.example/guide"));
  g_assert_null (strstr (short_text, "Posts and media do not move"));
  /* And a tiny one is cut, never over. */
  g_assert_cmpuint (ferry_community_text_length (tiny), <=, 40);
  g_assert_true (g_str_has_suffix (tiny, "…"));
}

static void
test_reminder_final (void)
{
  g_autoptr(FerryCommunity) community = new_community ();
  g_autofree char *week = ferry_community_text_reminder (community, NULL, DEADLINE - 7 * 86400,
                                                        500);
  g_autofree char *last = ferry_community_text_reminder (community, NULL, DEADLINE - 3600, 500);
  g_autofree char *final = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (week, "7 days left"));
  g_assert_nonnull (strstr (last, "Last call"));
  ferry_community_add_member (community, "ann@old.example", FERRY_MEMBER_SOURCE_MANUAL, &error);
  g_assert_no_error (error);
  final = ferry_community_text_final (community, 500);
  g_assert_nonnull (strstr (final, "has moved to new.example"));
}

static void
test_mention_batches (void)
{
  g_autoptr(FerryCommunity) community = new_community ();
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  guint total = 0;

  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *address = g_strdup_printf ("member%02u@old.example", i);
      g_autoptr(GError) error = NULL;
      FerryMember *member = ferry_community_add_member (community, address,
                                                        FERRY_MEMBER_SOURCE_MANUAL, &error);
      FerryMemberObservation seen = { .time = 1000, .old_found = TRUE, .old_followers = 10,
                                      .new_followers = -1 };

      g_assert_no_error (error);
      /* Every tenth has moved already; member03 opted out. */
      if (i % 10 == 0)
        seen.old_moved_to = "x@new.example";
      ferry_member_observe (member, &seen, NULL);
      if (i == 3)
        ferry_member_set_opted_out (member, TRUE);
    }
  candidates = ferry_community_text_mention_candidates (community);
  g_assert_cmpuint (candidates->len, ==, 45 - 5 - 1);
  batches = ferry_community_text_mention_batches (community, 20, 500);
  for (guint i = 0; i < batches->len; i++)
    {
      const char * const *addresses = g_ptr_array_index (batches, i);
      g_autofree char *text = ferry_community_text_mentions (community, addresses, 500);

      g_assert_cmpuint (g_strv_length ((char **) addresses), <=, 20);
      g_assert_cmpuint (ferry_community_text_length (text), <=, 500);
      g_assert_false (g_strv_contains (addresses, "member03@old.example"));
      g_assert_false (g_strv_contains (addresses, "member10@old.example"));
      total += g_strv_length ((char **) addresses);
    }
  g_assert_cmpuint (total, ==, candidates->len);
  g_assert_cmpuint (batches->len, >=, 2);
}

static void
test_guide (void)
{
  g_autoptr(FerryCommunity) community = ferry_community_new ("Birds & Bees", "old.example",
                                                             "new.example", DEADLINE);
  g_autofree char *html = ferry_community_guide_html (community);
  g_autofree char *markup = ferry_community_guide_markup (community);
  g_autofree char *text = ferry_community_guide_text (community);
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ferry-guide-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sub", "guide.html", NULL);
  GStatBuf st;

  /* The community's own servers and deadline, and Mastodon's labels for the move by hand. */
  for (guint i = 0; i < 3; i++)
    {
      const char *out = i == 0 ? html : i == 1 ? markup : text;

      g_assert_nonnull (strstr (out, "old.example"));
      g_assert_nonnull (strstr (out, "https://new.example/auth/sign_up"));
      g_assert_nonnull (strstr (out, "17 December 2026, 12:00 UTC"));
      g_assert_nonnull (strstr (out, "Move to a different account"));
      g_assert_nonnull (strstr (out, "Moving from a different account"));
      g_assert_nonnull (strstr (out, "Request your archive"));
    }
  /* Escaped where it is markup; well-formed for GTK printing. */
  g_assert_nonnull (strstr (html, "<h1>Birds &amp; Bees is moving"));
  g_assert_null (strstr (html, "Birds & Bees"));
  g_assert_nonnull (strstr (text, "Birds & Bees is moving"));
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, &error));
  g_assert_no_error (error);

  /* Saved 0600 in a 0700 folder. */
  g_assert_true (ferry_community_guide_save_html (community, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_remove (path);
  g_free (g_steal_pointer (&path));
  path = g_build_filename (dir, "sub", NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_rmdir (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/community/text/length", test_length);
  g_test_add_func ("/community/text/announcement", test_announcement);
  g_test_add_func ("/community/text/reminder-final", test_reminder_final);
  g_test_add_func ("/community/text/mention-batches", test_mention_batches);
  g_test_add_func ("/community/text/guide", test_guide);
  return g_test_run ();
}
