/* ferry-cli-announce.c: ferry-cli community announce, remind, list, guide and verify
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each takes the community (its id or name) as its first argument; the helper's accounts are
 * the signed-in ones: the old role posts, the new role holds the shared list.
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ferry-announce-job.h"
#include "ferry-api-error.h"
#include "ferry-cli-output.h"
#include "ferry-cli-private.h"
#include "ferry-community-export.h"
#include "ferry-community-guide.h"
#include "ferry-community-store.h"
#include "ferry-community-text.h"
#include "ferry-community-verify-job.h"
#include "ferry-private-file.h"
#include "ferry-server-info.h"
#include "ferry-shared-list-job.h"

/* The reminder waves before the deadline (community-facts §8: T−14 d, T−7 d, T−2 d, T−12 h). */
static const gint64 waves[] = { 14 * 86400, 7 * 86400, 2 * 86400, 12 * 3600 };

static gboolean unlisted;
static char *guide_url;
static gboolean no_reminders;
static gboolean final_post;
static gboolean review;
static char *send_batches;
static char *export_dir;
static gboolean real_list;
static char *list_title;
static char *html_path;
static gboolean markup;
static gboolean check_redirect;
static char *old_software;

/* The community options (ferry-cli-community.c's) and @entries. */
static gboolean
parse (int                *argc,
       char             ***argv,
       const char         *summary,
       const GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  if (!ferry_cli_community_parse (context, entries, argc, argv, &error))
    {
      ferry_cli_fail (g_steal_pointer (&error));
      return FALSE;
    }
  return TRUE;
}

/* The community named by the first argument, from the store (the store is returned too, so
 * that what changed is saved). */
static FerryCommunity *
load_community (int                   argc,
                char                **argv,
                FerryCommunityStore **store,
                GError              **error)
{
  FerryCommunity *community;

  if (argc < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("which community? Give its name or id"));
      return NULL;
    }
  if ((*store = ferry_cli_community_open_store (error)) == NULL ||
      (community = ferry_cli_community_find (*store, argv[1], error)) == NULL)
    return NULL;
  return g_object_ref (community);
}

static FerryClient *
client_for (FerryAccountManager *manager,
            FerryRole            role,
            GError             **error)
{
  FerryClient *client = manager ? ferry_account_manager_get_client (manager, role) : NULL;

  if (client == NULL && manager != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 role == FERRY_ROLE_OLD
                   ? _("sign in the helper’s old account first: "
                       "ferry-cli login SERVER --role old")
                   : _("sign in the helper’s new account first: "
                       "ferry-cli login SERVER --role new"));
  return client;
}

static int
finish_with (FerryCommunityStore *store,
             GError              *error)
{
  g_autoptr(GError) flush_error = NULL;

  if (store != NULL && !ferry_community_store_flush (store, &flush_error))
    g_printerr ("ferry-cli: %s\n", ferry_cli_safe (flush_error->message));
  /* A sign-in from the individual journey may not post: say how to get one that does. */
  if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN))
    g_printerr ("%s\n", _("ferry-cli: this sign-in may not post. Sign in again with “ferry-cli "
                          "login SERVER --role old --community-helper”."));
  return error ? ferry_cli_fail (error) : 0;
}

static const GOptionEntry announce_entries[] = {
  { "unlisted", 0, 0, G_OPTION_ARG_NONE, &unlisted, N_("Post unlisted, not public"), NULL },
  { "guide-url", 0, 0, G_OPTION_ARG_STRING, &guide_url, N_("Where the member guide is online"),
    N_("URL") },
  { "no-reminders", 0, 0, G_OPTION_ARG_NONE, &no_reminders, N_("Only the announcement"), NULL },
  { "final", 0, 0, G_OPTION_ARG_NONE, &final_post,
    N_("Post the final announcement: the community has moved"), NULL },
  { NULL }
};

int
ferry_cli_community_announce (int    argc,
                              char **argv)
{
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryAnnounceJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryServerInfo) info = NULL;
  g_autofree char *text = NULL;
  FerryClient *client;
  guint max_chars;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 deadline;
  GPtrArray *unpin;

  if (!parse (&argc, &argv, _("COMMUNITY — post, pin and schedule the announcement"),
              announce_entries))
    return 1;
  community = load_community (argc, argv, &store, &error);
  if (community == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  manager = ferry_cli_refreshed_account_manager (&error);
  client = client_for (manager, FERRY_ROLE_OLD, &error);
  if (client == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));

  /* The server's own limits: the post's length, how many pins. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) probe_error = NULL;

    ferry_server_info_probe_async (client, NULL, ferry_cli_got_result, &result);
    info = ferry_server_info_probe_finish (ferry_cli_wait_for (&result), &probe_error);
    if (info == NULL)
      g_printerr ("ferry-cli: %s\n", ferry_cli_safe (probe_error->message));
  }
  max_chars = info ? ferry_server_info_get_max_characters (info) : 500;
  job = ferry_announce_job_new (community, client);
  if (info != NULL)
    ferry_announce_job_set_pin_limit (job, ferry_server_info_get_max_pinned (info));
  if (final_post)
    {
      text = ferry_community_text_final (community, max_chars);
      ferry_announce_job_add (job, FERRY_COMMUNITY_POST_FINAL, "final", text,
                              unlisted ? "unlisted" : "public", 0, TRUE, FALSE, NULL);
      no_reminders = TRUE;
    }
  else
    {
      text = ferry_community_text_announcement (community, guide_url, max_chars);
      ferry_announce_job_add (job, FERRY_COMMUNITY_POST_ANNOUNCEMENT, "announcement", text,
                              unlisted ? "unlisted" : "public", 0, TRUE, FALSE, NULL);
    }
  deadline = ferry_community_get_deadline (community);
  for (guint i = 0; !no_reminders && i < G_N_ELEMENTS (waves); i++)
    {
      gint64 at = deadline - waves[i];
      g_autofree char *key = g_strdup_printf ("reminder-%" G_GINT64_FORMAT, waves[i]);
      g_autofree char *reminder = NULL;

      /* Only waves still ahead, with room for the servers' 5 minutes. */
      if (at < now + FERRY_ANNOUNCE_MIN_LEAD + 2 * FERRY_ANNOUNCE_LEAD_MARGIN)
        continue;
      reminder = ferry_community_text_reminder (community, guide_url, at, max_chars);
      ferry_announce_job_add (job, FERRY_COMMUNITY_POST_REMINDER, key, reminder, "unlisted", at,
                              FALSE, FALSE, NULL);
    }
  if (!ferry_cli_run_job (FERRY_JOB (job), &error))
    return finish_with (store, g_steal_pointer (&error));

  for (guint i = 0; i < ferry_community_get_posts (community)->len; i++)
    {
      FerryCommunityPost *post = g_ptr_array_index (ferry_community_get_posts (community), i);

      g_print ("%s %s %s\n", post->confirmed ? "✓" : "✗", ferry_cli_safe (post->key),
               post->url ? ferry_cli_safe (post->url)
                         : post->scheduled_id ? _("(scheduled)") : "");
    }
  unpin = ferry_announce_job_get_unpin_candidates (job);
  if (unpin->len > 0)
    {
      g_print (_("The pins are full; unpin one of these, then run again:\n"));
      for (guint i = 0; i < unpin->len; i++)
        g_print ("  %s\n", ferry_cli_safe (g_ptr_array_index (unpin, i)));
    }
  return finish_with (store, NULL);
}

static const GOptionEntry remind_entries[] = {
  { "review", 0, 0, G_OPTION_ARG_NONE, &review, N_("Show the mention posts, numbered"), NULL },
  { "send", 0, 0, G_OPTION_ARG_STRING, &send_batches,
    N_("Send these reviewed posts (numbers from --review, such as 1,3)"), N_("N,…") },
  { NULL }
};

int
ferry_cli_community_remind (int    argc,
                            char **argv)
{
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryAnnounceJob) job = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) chosen = NULL;
  FerryClient *client;

  if (!parse (&argc, &argv, _("COMMUNITY — mention the members who have not started"),
              remind_entries))
    return 1;
  community = load_community (argc, argv, &store, &error);
  if (community == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  batches = ferry_community_text_mention_batches (community, FERRY_COMMUNITY_MENTIONS_PER_POST,
                                                  500);
  if (send_batches == NULL)
    {
      /* Never a mention the helper has not read: the posts are shown first. */
      for (guint i = 0; i < batches->len; i++)
        {
          g_autofree char *text = ferry_community_text_mentions (community,
                                                                 g_ptr_array_index (batches, i),
                                                                 500);

          g_print (_("Post %u:\n%s\n\n"), i + 1, ferry_cli_safe_lines (text));
        }
      if (batches->len == 0)
        g_print (_("Nobody to remind: every member has started, or asked not to be "
                   "mentioned.\n"));
      else
        g_print (_("To send some: --send 1,2\n"));
      return 0;
    }
  manager = ferry_cli_refreshed_account_manager (&error);
  client = client_for (manager, FERRY_ROLE_OLD, &error);
  if (client == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  job = ferry_announce_job_new (community, client);
  chosen = g_strsplit (send_batches, ",", -1);
  for (guint i = 0; chosen[i] != NULL; i++)
    {
      guint64 n = g_ascii_strtoull (chosen[i], NULL, 10);
      g_autofree char *text = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *key = NULL;

      if (n == 0 || n > batches->len)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("there is no post %s; see --review"), chosen[i]);
          return ferry_cli_fail (g_steal_pointer (&error));
        }
      joined = g_strjoinv (" ", g_ptr_array_index (batches, n - 1));
      text = ferry_community_text_mentions (community, g_ptr_array_index (batches, n - 1), 500);
      /* The key names who is mentioned: the same batch is never sent twice. */
      key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined, -1);
      ferry_announce_job_add (job, FERRY_COMMUNITY_POST_MENTIONS, key, text, "unlisted", 0,
                              FALSE, TRUE, NULL);
    }
  if (!ferry_cli_run_job (FERRY_JOB (job), &error))
    return finish_with (store, g_steal_pointer (&error));
  g_print (_("Sent and read back.\n"));
  return finish_with (store, NULL);
}

static const GOptionEntry list_entries[] = {
  { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_dir,
    N_("Write follows.csv and lists.csv into DIR"), N_("DIR") },
  { "real", 0, 0, G_OPTION_ARG_NONE, &real_list,
    N_("Make a list of the moved members on the helper’s new account"), NULL },
  { "title", 0, 0, G_OPTION_ARG_STRING, &list_title, N_("The list’s name"), N_("TITLE") },
  { NULL }
};

int
ferry_cli_community_list (int    argc,
                          char **argv)
{
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  if (!parse (&argc, &argv, _("COMMUNITY — the shared list of new addresses"), list_entries))
    return 1;
  community = load_community (argc, argv, &store, &error);
  if (community == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  title = list_title ? list_title : ferry_community_get_name (community);
  if (export_dir != NULL)
    {
      g_autofree char *follows = ferry_community_export_follows_csv (community, NULL);
      g_autofree char *lists = ferry_community_export_lists_csv (community, title, NULL);
      g_autofree char *follows_path = g_build_filename (export_dir, "follows.csv", NULL);
      g_autofree char *lists_path = g_build_filename (export_dir, "lists.csv", NULL);
      g_autofree char *warning = ferry_community_export_check_size (community);

      if (!ferry_private_dir_make (export_dir, &error) ||
          !ferry_private_file_write (follows_path, follows, -1, &error) ||
          !ferry_private_file_write (lists_path, lists, -1, &error))
        return ferry_cli_fail (g_steal_pointer (&error));
      g_print ("%s\n%s\n", follows_path, lists_path);
      if (warning != NULL)
        g_print ("! %s\n", warning);
    }
  if (real_list)
    {
      g_autoptr(FerryAccountManager) manager = ferry_cli_refreshed_account_manager (&error);
      FerryClient *client = client_for (manager, FERRY_ROLE_NEW, &error);
      g_autoptr(FerrySharedListJob) job = NULL;
      GPtrArray *missing;

      if (client == NULL)
        return ferry_cli_fail (g_steal_pointer (&error));
      job = ferry_shared_list_job_new (community, client, NULL, title);
      if (!ferry_cli_run_job (FERRY_JOB (job), &error))
        return ferry_cli_fail (g_steal_pointer (&error));
      g_print (_("The list holds %u moved members.\n"), ferry_shared_list_job_get_n_listed (job));
      missing = ferry_shared_list_job_get_missing (job);
      for (guint i = 0; i < missing->len; i++)
        g_print (_("  not in it: %s\n"), ferry_cli_safe (g_ptr_array_index (missing, i)));
    }
  return 0;
}

static const GOptionEntry guide_entries[] = {
  { "html", 0, 0, G_OPTION_ARG_FILENAME, &html_path, N_("Write the guide as a web page"),
    N_("FILE") },
  { "markup", 0, 0, G_OPTION_ARG_NONE, &markup, N_("Print it as markup for printing"), NULL },
  { NULL }
};

int
ferry_cli_community_guide (int    argc,
                           char **argv)
{
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!parse (&argc, &argv, _("COMMUNITY — the member guide"), guide_entries))
    return 1;
  community = load_community (argc, argv, &store, &error);
  if (community == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  if (html_path != NULL)
    {
      if (!ferry_community_guide_save_html (community, html_path, &error))
        return ferry_cli_fail (g_steal_pointer (&error));
      g_print ("%s\n", html_path);
      return 0;
    }
  text = markup ? ferry_community_guide_markup (community)
                : ferry_community_guide_text (community);
  g_print ("%s", text);
  return 0;
}

static const GOptionEntry verify_entries[] = {
  { "redirect", 0, 0, G_OPTION_ARG_NONE, &check_redirect,
    N_("Also check that the old profiles redirect (once the counts levelled off)"), NULL },
  { "old-software", 0, 0, G_OPTION_ARG_STRING, &old_software,
    N_("The old server’s software, for the remedies (mastodon, gotosocial, akkoma)"),
    N_("NAME") },
  { NULL }
};

int
ferry_cli_community_verify (int    argc,
                            char **argv)
{
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryCommunityVerifyJob) job = NULL;
  g_autoptr(GError) error = NULL;
  FerryClient *old_client;
  FerryClient *new_client;
  GPtrArray *results;

  if (!parse (&argc, &argv, _("COMMUNITY — followers against the baseline, and the redirect"),
              verify_entries))
    return 1;
  community = load_community (argc, argv, &store, &error);
  if (community == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  manager = ferry_cli_refreshed_account_manager (&error);
  old_client = client_for (manager, FERRY_ROLE_OLD, &error);
  new_client = old_client ? client_for (manager, FERRY_ROLE_NEW, &error) : NULL;
  if (new_client == NULL)
    return ferry_cli_fail (g_steal_pointer (&error));
  job = ferry_community_verify_job_new (community, old_client, new_client, old_software);
  ferry_community_verify_job_set_check_redirect (job, check_redirect);
  if (!ferry_cli_run_job (FERRY_JOB (job), &error))
    return finish_with (store, g_steal_pointer (&error));

  results = ferry_community_verify_job_get_results (job);
  for (guint i = 0; i < results->len; i++)
    {
      FerryVerifyResult *result = g_ptr_array_index (results, i);

      g_print ("%s %s → %s: %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT "%s\n",
               result->large_loss ? "✗" : "✓", ferry_cli_safe (result->old_address),
               ferry_cli_safe (result->new_address), result->followers, result->baseline,
               result->redirect > 0 ? _(", redirects") : result->redirect < 0
                                                          ? _(", does not redirect") : "");
      /* They name addresses from the roster: made safe like server text. */
      if (result->reason != NULL)
        g_print ("    %s\n", ferry_cli_safe (result->reason));
      if (result->remedy != NULL)
        g_print ("    %s\n", ferry_cli_safe (result->remedy));
    }
  g_print ("%s\n", ferry_cli_safe (ferry_job_get_status (FERRY_JOB (job))));
  return finish_with (store, NULL);
}
