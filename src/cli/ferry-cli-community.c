/* ferry-cli-community.c: `ferry-cli community …`, a community's move from a terminal
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same FerryCommunityStore as the app (or --store DIR), the same jobs: the roster from
 * the servers (FerryRosterJob), a state check pass (FerryMemberCheckJob). Everything a server
 * sent is made safe before the terminal shows it.
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "ferry-cli-output.h"
#include "ferry-cli-private.h"
#include "ferry-community-store.h"
#include "ferry-member-check-job.h"
#include "ferry-private-file.h"
#include "ferry-roster-job.h"

typedef int (*CommunityFunc) (int    argc,
                              char **argv);

typedef struct
{
  const char    *name;
  const char    *synopsis;
  const char    *description;
  CommunityFunc  func;    /* NULL: not in this build */
} CommunityCommand;

static char *store_dir;

static int community_new     (int argc, char **argv);
static int community_list    (int argc, char **argv);
static int community_roster  (int argc, char **argv);
static int community_check   (int argc, char **argv);
static int community_status  (int argc, char **argv);
static int community_export  (int argc, char **argv);

static const CommunityCommand subcommands[] = {
  { "new", "new NAME --old SERVER --new SERVER --deadline YYYY-MM-DD",
    N_("Start a community’s move to one new server by a deadline"), community_new },
  { "list", "list", N_("Show the communities you help move"), community_list },
  { "roster", "roster add|import|refresh COMMUNITY …",
    N_("Add members by hand, from a file, or from the servers (admin, directory, followers, "
       "list)"), community_roster },
  { "check", "check COMMUNITY [--only ADDRESS…]",
    N_("Ask each member’s own server where they are, within the servers’ limits"),
    community_check },
  { "status", "status COMMUNITY [--json]", N_("Show who has arrived, who has not started"),
    community_status },
  { "export", "export roster COMMUNITY [--output FILE]",
    N_("Write the roster with each member’s state as CSV"), community_export },
  /* src/cli/ferry-cli-announce.c */
  { "announce", "announce COMMUNITY [--unlisted] [--guide-url URL] [--no-reminders] [--final]",
    N_("Post, pin and read back the announcement, and schedule the reminders"),
    ferry_cli_community_announce },
  { "remind", "remind COMMUNITY --review | --send N,…",
    N_("Mention the members who have not started, in batches you review first"),
    ferry_cli_community_remind },
  { "list", "list COMMUNITY [--export DIR] [--real] [--title TITLE]",
    N_("The members’ new addresses as a follow CSV and lists.csv, or a real list"),
    ferry_cli_community_list },
  { "guide", "guide COMMUNITY [--html FILE]", N_("The member guide, as text or a web page"),
    ferry_cli_community_guide },
  { "verify", "verify COMMUNITY [--redirect]",
    N_("Followers against the baseline, the old profiles and their redirects"),
    ferry_cli_community_verify },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: ferry-cli community COMMAND [--store DIR] …"));
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (subcommands[i].func != NULL)
      fprintf (stream, "  %s\n      %s\n", subcommands[i].synopsis,
               _(subcommands[i].description));
}

/* The options every community command takes (--store, --ca-file) and @entries. */
gboolean
ferry_cli_community_parse (GOptionContext      *context,
                           const GOptionEntry  *entries,
                           int                 *argc,
                           char              ***argv,
                           GError             **error)
{
  GOptionEntry common[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_dir,
      N_("Keep the communities in DIR (default: Ferry’s data folder)"), N_("DIR") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

/* The communities, from --store or Ferry's data folder. */
FerryCommunityStore *
ferry_cli_community_open_store (GError **error)
{
  g_autoptr(FerryCommunityStore) store = ferry_community_store_new (store_dir);

  if (!ferry_community_store_load (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* The community named (by name or id) in @store (borrowed), or %NULL with @error. */
FerryCommunity *
ferry_cli_community_find (FerryCommunityStore  *store,
                          const char           *name,
                          GError              **error)
{
  FerryCommunity *community = ferry_community_store_find (store, name);

  if (community == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no community “%s”. See “ferry-cli community list”."),
                 ferry_cli_safe (name));
  return community;
}

static gint64
parse_day (const char  *text,
           GError     **error)
{
  int y, m, d;
  g_autoptr(GDateTime) time = NULL;

  if (text != NULL && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3)
    time = g_date_time_new_utc (y, m, d, 23, 59, 59);
  if (time == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date: write it as YYYY-MM-DD."),
                   text ? ferry_cli_safe (text) : "");
      return 0;
    }
  return g_date_time_to_unix (time);
}

static int
community_new (int    argc,
               char **argv)
{
  g_autofree char *old_host = NULL;
  g_autofree char *new_host = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *inactive = NULL;
  g_autofree char *account = NULL;
  GOptionEntry entries[] = {
    { "old", 0, 0, G_OPTION_ARG_STRING, &old_host, N_("The server members leave"), N_("SERVER") },
    { "new", 0, 0, G_OPTION_ARG_STRING, &new_host, N_("The server they move to"), N_("SERVER") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline_text, N_("The last day"), N_("DATE") },
    { "inactive-since", 0, 0, G_OPTION_ARG_STRING, &inactive,
      N_("Members with no post since DATE count as inactive"), N_("DATE") },
    { "community-account", 0, 0, G_OPTION_ARG_STRING, &account,
      N_("An account whose followers are the members"), N_("ADDRESS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — a new community"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autofree char *warning = NULL;
  gint64 deadline;

  if (!ferry_cli_community_parse (context, entries, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (argc != 2 || old_host == NULL || new_host == NULL || deadline_text == NULL)
    {
      g_printerr ("%s\n", _("ferry-cli: community new needs a name, --old, --new and "
                            "--deadline."));
      return 2;
    }
  if ((deadline = parse_day (deadline_text, &error)) == 0 ||
      (store = ferry_cli_community_open_store (&error)) == NULL)
    return ferry_cli_fail (error);
  community = ferry_community_new (argv[1], old_host, new_host, deadline);
  if (inactive != NULL)
    ferry_community_set_inactive_since (community, inactive);
  if (account != NULL)
    ferry_community_set_community_account (community, account);
  warning = ferry_community_check_deadline (community, g_get_real_time () / G_USEC_PER_SEC);
  if (warning != NULL)
    g_printerr ("%s\n", warning);
  ferry_community_store_add (store, community);
  if (!ferry_community_store_flush (store, &error))
    return ferry_cli_fail (error);
  g_print ("%s\n", ferry_community_get_id (community));
  return 0;
}

static int
community_list (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the communities"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityStore) store = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!ferry_cli_community_parse (context, NULL, &argc, &argv, &error) ||
      (store = ferry_cli_community_open_store (&error)) == NULL)
    return ferry_cli_fail (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(FerryCommunity) community = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *counts = ferry_community_describe_counts (community);

      /* Translators: name (id): old server → new server, days left; then the counts */
      g_print (_("%s (%s): %s → %s, %d days left\n  %s\n"),
               ferry_cli_safe (ferry_community_get_name (community)),
               ferry_community_get_id (community),
               ferry_cli_safe (ferry_community_get_old_host (community)),
               ferry_cli_safe (ferry_community_get_new_host (community)),
               ferry_community_days_left (community, now), counts);
    }
  return 0;
}

/* Runs a job to its end in this main loop; Ctrl+C cancels it. */
gboolean
ferry_cli_run_job (FerryJob  *job,
                   GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint sigint = g_unix_signal_add (SIGINT, ferry_cli_interrupted, ferry_job_get_cancellable (job));

  ferry_job_run_async (job, NULL, ferry_cli_got_result, &result);
  ferry_cli_wait_for (&result);
  g_source_remove (sigint);
  return ferry_job_run_finish (job, result, error);
}

static int
roster_refresh (FerryCommunityStore *store,
                FerryCommunity      *community,
                FerryMemberSource    sources,
                const char          *list_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryRosterJob) job = NULL;
  g_autoptr(GTlsDatabase) trust = ferry_cli_trust_database (&error);
  g_auto(GStrv) problems = NULL;
  gboolean ok;

  if (trust == NULL)
    return ferry_cli_fail (error);
  /* The helper's account: needed for the admin list and a list, used for the followers where
   * there is one (they are public otherwise), not for the directory. */
  if (sources & ~FERRY_MEMBER_SOURCE_DIRECTORY)
    {
      manager = ferry_cli_refreshed_account_manager (&error);
      if (manager == NULL &&
          (sources & (FERRY_MEMBER_SOURCE_ADMIN | FERRY_MEMBER_SOURCE_LIST)) != 0)
        return ferry_cli_fail (error);
      g_clear_error (&error);
    }
  job = ferry_roster_job_new (community, manager, sources);
  ferry_roster_job_set_tls_database (job, trust);
  ferry_roster_job_set_list_id (job, list_id);
  ok = ferry_cli_run_job (FERRY_JOB (job), &error);
  problems = ferry_roster_job_get_problems (job);
  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("%s\n", ferry_cli_safe (problems[i]));
  if (!ferry_community_store_flush (store, error ? NULL : &error) || !ok)
    return ferry_cli_fail (error);
  g_print (_("%u found, %u new in the roster.\n"), ferry_roster_job_get_n_found (job),
           ferry_roster_job_get_n_added (job));
  return 0;
}

static int
community_roster (int    argc,
                  char **argv)
{
  gboolean admin = FALSE, directory = FALSE, followers = FALSE;
  g_autofree char *list_id = NULL;
  GOptionEntry entries[] = {
    { "admin", 0, 0, G_OPTION_ARG_NONE, &admin,
      N_("refresh: from the old server’s admin accounts list"), NULL },
    { "directory", 0, 0, G_OPTION_ARG_NONE, &directory,
      N_("refresh: from the profile directory"), NULL },
    { "followers", 0, 0, G_OPTION_ARG_NONE, &followers,
      N_("refresh: from the community account’s followers"), NULL },
    { "list", 0, 0, G_OPTION_ARG_STRING, &list_id, N_("refresh: from your list ID"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("add|import|refresh COMMUNITY … — the members"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityStore) store = NULL;
  FerryCommunity *community;
  const char *what;

  if (!ferry_cli_community_parse (context, entries, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (argc < 3)
    {
      g_printerr ("%s\n", _("ferry-cli: community roster needs add, import or refresh, and a "
                            "community."));
      return 2;
    }
  what = argv[1];
  if ((store = ferry_cli_community_open_store (&error)) == NULL ||
      (community = ferry_cli_community_find (store, argv[2], &error)) == NULL)
    return ferry_cli_fail (error);

  if (g_str_equal (what, "add"))
    {
      guint added = 0;

      for (int i = 3; i < argc; i++)
        {
          g_autoptr(GError) bad = NULL;
          guint before = ferry_community_get_n_members (community);

          if (ferry_community_add_member (community, argv[i], FERRY_MEMBER_SOURCE_MANUAL,
                                          &bad) == NULL)
            g_printerr ("%s\n", ferry_cli_safe (bad->message));
          else if (ferry_community_get_n_members (community) > before)
            added++;
        }
      if (!ferry_community_store_flush (store, &error))
        return ferry_cli_fail (error);
      g_print (_("%u added.\n"), added);
      return 0;
    }
  if (g_str_equal (what, "import"))
    {
      g_autofree char *text = NULL;
      gsize length = 0;
      guint skipped = 0, added;

      if (argc != 4)
        {
          g_printerr ("%s\n", _("ferry-cli: community roster import needs a file."));
          return 2;
        }
      if (!g_file_get_contents (argv[3], &text, &length, &error))
        return ferry_cli_fail (error);
      added = ferry_community_import (community, text, (gssize) length,
                                      g_str_has_suffix (argv[3], ".csv")
                                        ? FERRY_MEMBER_SOURCE_CSV : FERRY_MEMBER_SOURCE_PASTED,
                                      &skipped);
      if (!ferry_community_store_flush (store, &error))
        return ferry_cli_fail (error);
      g_print (_("%u added, %u lines skipped.\n"), added, skipped);
      return 0;
    }
  if (g_str_equal (what, "refresh"))
    {
      FerryMemberSource sources = (admin ? FERRY_MEMBER_SOURCE_ADMIN : 0) |
                                  (directory ? FERRY_MEMBER_SOURCE_DIRECTORY : 0) |
                                  (followers ? FERRY_MEMBER_SOURCE_FOLLOWERS : 0) |
                                  (list_id ? FERRY_MEMBER_SOURCE_LIST : 0);

      if (sources == FERRY_MEMBER_SOURCE_NONE)
        sources = FERRY_MEMBER_SOURCE_DIRECTORY;
      return roster_refresh (store, community, sources, list_id);
    }
  g_printerr (_("ferry-cli: “%s” is not add, import or refresh.\n"), ferry_cli_safe (what));
  return 2;
}

static void
check_progress (FerryJob   *job,
                GParamSpec *pspec,
                gpointer    user_data)
{
  /* Ferry's own progress line, on a terminal only (stdout stays what scripts read). */
  if (!isatty (STDERR_FILENO))
    return;
  g_printerr ("\r\033[K");
  g_printerr (_("%d of %d checked, about %d min left"), (int) ferry_job_get_done (job),
              (int) ferry_job_get_total (job), (int) ((ferry_job_get_eta (job) + 59) / 60));
}

static int
community_check (int    argc,
                 char **argv)
{
  g_auto(GStrv) only = NULL;
  GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only, N_("Only this member (again for more)"),
      N_("ADDRESS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMUNITY — check every member"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autoptr(FerryMemberCheckJob) job = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(GError) no_manager = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *counts = NULL;
  FerryCommunity *community;
  gboolean ok;

  if (!ferry_cli_community_parse (context, entries, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (argc != 2)
    {
      g_printerr ("%s\n", _("ferry-cli: community check needs a community."));
      return 2;
    }
  if ((store = ferry_cli_community_open_store (&error)) == NULL ||
      (community = ferry_cli_community_find (store, argv[1], &error)) == NULL ||
      (trust = ferry_cli_trust_database (&error)) == NULL)
    return ferry_cli_fail (error);
  /* The helper's tokens where the helper has an account (GoToSocial's lookup needs one);
   * without a keyring or a sign-in, the public lookups. */
  manager = ferry_cli_refreshed_account_manager (&no_manager);
  if (manager == NULL)
    g_debug ("Checking without the helper's accounts: %s", no_manager->message);
  job = ferry_member_check_job_new (community, manager);
  ferry_member_check_job_set_tls_database (job, trust);
  ferry_member_check_job_set_only (job, (const char * const *) only);
  g_signal_connect (job, "notify::done", G_CALLBACK (check_progress), NULL);
  ok = ferry_cli_run_job (FERRY_JOB (job), &error);
  if (isatty (STDERR_FILENO))
    g_printerr ("\r\033[K");
  /* What was learnt is kept, whatever stopped the pass. */
  if (!ferry_community_store_flush (store, error ? NULL : &error) || !ok)
    return ferry_cli_fail (error);
  end = g_date_time_new_from_unix_local (ferry_member_check_job_get_planned_end (job));
  end_text = g_date_time_format (end, "%H:%M");
  counts = ferry_community_describe_counts (community);
  g_print (_("%u checked with %u requests (planned to end at %s).\n%s\n"),
           ferry_member_check_job_get_n_checked (job),
           ferry_member_check_job_get_n_requests (job), end_text, counts);
  if (ferry_member_check_job_get_n_failed (job) > 0)
    g_printerr (_("%u could not be checked; they come first in the next check.\n"),
                ferry_member_check_job_get_n_failed (job));
  return 0;
}

static void
print_status_json (FerryCommunity *community)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ferry_community_get_id (community));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ferry_community_get_name (community));
  json_builder_set_member_name (builder, "old_server");
  json_builder_add_string_value (builder, ferry_community_get_old_host (community));
  json_builder_set_member_name (builder, "new_server");
  json_builder_add_string_value (builder, ferry_community_get_new_host (community));
  json_builder_set_member_name (builder, "days_left");
  json_builder_add_int_value (builder, ferry_community_days_left (community, now));
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
    {
      json_builder_set_member_name (builder, ferry_member_state_to_id (s));
      json_builder_add_int_value (builder, ferry_community_count (community, s));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ferry_community_get_n_members (community); i++)
    {
      FerryMember *member = ferry_community_get_member (community, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "old_address");
      json_builder_add_string_value (builder, ferry_member_get_old_address (member));
      json_builder_set_member_name (builder, "new_address");
      json_builder_add_string_value (builder, ferry_member_get_new_address (member));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder,
                                     ferry_member_state_to_id (ferry_member_get_state (member)));
      json_builder_set_member_name (builder, "moved_to");
      json_builder_add_string_value (builder, ferry_member_get_moved_to (member));
      json_builder_set_member_name (builder, "baseline_followers");
      json_builder_add_int_value (builder, ferry_member_get_baseline_followers (member));
      json_builder_set_member_name (builder, "new_followers");
      json_builder_add_int_value (builder, ferry_member_get_new_followers (member));
      json_builder_set_member_name (builder, "last_checked");
      json_builder_add_int_value (builder, ferry_member_get_last_checked (member));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "posts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ferry_community_get_posts (community)->len; i++)
    {
      FerryCommunityPost *post = g_ptr_array_index (ferry_community_get_posts (community), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, post->key);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, post->url);
      json_builder_set_member_name (builder, "scheduled_at");
      json_builder_add_int_value (builder, post->scheduled_at);
      /* posted_at < 0: sent, the answer not seen yet; not posted as far as anyone knows. */
      json_builder_set_member_name (builder, "posted_at");
      json_builder_add_int_value (builder, MAX (post->posted_at, 0));
      json_builder_set_member_name (builder, "confirmed");
      json_builder_add_boolean_value (builder, post->confirmed);
      json_builder_set_member_name (builder, "pinned");
      json_builder_add_boolean_value (builder, post->pinned);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  ferry_cli_print_json (text);
}

static int
community_status (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMUNITY — where everyone is"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autofree char *counts = NULL;
  FerryCommunity *community;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!ferry_cli_community_parse (context, entries, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (argc != 2)
    {
      g_printerr ("%s\n", _("ferry-cli: community status needs a community."));
      return 2;
    }
  if ((store = ferry_cli_community_open_store (&error)) == NULL ||
      (community = ferry_cli_community_find (store, argv[1], &error)) == NULL)
    return ferry_cli_fail (error);
  if (json)
    {
      print_status_json (community);
      return 0;
    }
  counts = ferry_community_describe_counts (community);
  g_print ("%s: %s → %s\n", ferry_cli_safe (ferry_community_get_name (community)),
           ferry_cli_safe (ferry_community_get_old_host (community)),
           ferry_cli_safe (ferry_community_get_new_host (community)));
  g_print (_("%d days to the deadline. %s\n"), ferry_community_days_left (community, now),
           counts);
  for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
    if (ferry_community_count (community, s) > 0)
      g_print ("  %-20s %u\n", ferry_member_state_to_label (s),
               ferry_community_count (community, s));
  return 0;
}

static int
community_export (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (default: print)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("roster COMMUNITY — as CSV"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityStore) store = NULL;
  g_autofree char *csv = NULL;
  FerryCommunity *community;

  if (!ferry_cli_community_parse (context, entries, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (argc != 3 || !g_str_equal (argv[1], "roster"))
    {
      g_printerr ("%s\n", _("ferry-cli: community export needs “roster” and a community."));
      return 2;
    }
  if ((store = ferry_cli_community_open_store (&error)) == NULL ||
      (community = ferry_cli_community_find (store, argv[2], &error)) == NULL)
    return ferry_cli_fail (error);
  csv = ferry_community_export_roster_csv (community);
  if (output == NULL)
    {
      /* Addresses and states only, but made safe like anything a server named. */
      g_print ("%s", ferry_cli_safe_lines (csv));
      return 0;
    }
  if (!ferry_private_file_write (output, csv, -1, &error))
    return ferry_cli_fail (error);
  return 0;
}

int
ferry_cli_command_community (int    argc,
                             char **argv)
{
  const char *name;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  name = argv[1];
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (name, subcommands[i].name))
      {
        /* "list" alone lists the communities; "list COMMUNITY …" is the shared list. */
        if (subcommands[i].func == community_list && argc > 2 && argv[2][0] != '-')
          continue;
        return subcommands[i].func (argc - 1, argv + 1);
      }
  g_printerr (_("ferry-cli: “%s” is not a community command. See “ferry-cli community "
                "help”.\n"), ferry_cli_safe (name));
  return 2;
}
