/* ferry-cli.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ferry-account-manager.h"
#include "ferry-backup.h"
#include "ferry-backup-category.h"
#include "ferry-api-error.h"
#include "ferry-keyring-store.h"
#include "ferry-move-policy.h"
#include "ferry-sign-in.h"
#include "ferry-handle.h"
#include "ferry-server-info.h"
#include "ferry-tls-database.h"
#include "ferry-cli-private.h"
#include "ferry-cli-output.h"

/* ferry-cli: the same core as the app, without a window, for scripts and tests.
 * Each command is one entry in the table below; `ferry-cli help` lists them. */

typedef int (*FerryCliCommandFunc) (int    argc,
                                    char **argv);

typedef struct
{
  const char          *name;
  const char          *synopsis;
  const char          *description;
  FerryCliCommandFunc  func;
} FerryCliCommand;

static int command_help    (int    argc,
                            char **argv);
static int command_version (int    argc,
                            char **argv);
static int command_probe   (int    argc,
                            char **argv);
static int command_login   (int    argc,
                            char **argv);
static int command_accounts (int    argc,
                             char **argv);
static int command_logout  (int    argc,
                            char **argv);
static int command_backup  (int    argc,
                            char **argv);

static const FerryCliCommand commands[] = {
  { "login", "login SERVER --role old|new [--paste-code] [--community-admin] "
             "[--community-helper]",
    N_("Sign in to the account you move from (old) or to (new)"), command_login },
  { "accounts", "accounts [--json]", N_("Show the signed-in accounts"), command_accounts },
  { "logout", "logout --role old|new",
    N_("Sign out of an account, and revoke Ferry’s access to it"), command_logout },
  { "backup", "backup [--account HANDLE] --output DIR [--no-posts] [--no-media]",
    N_("Save a complete copy of an account in a folder (again: goes on, or adds what is new)"),
    command_backup },
  { "transfer",
    "transfer --backup DIR [--only CATEGORIES] [--method auto|api|csv] [--imported] [--wait]",
    N_("Re-create what a backup holds on the new account (again: goes on where it stopped)"),
    ferry_cli_command_transfer },
  { "verify", "verify --backup DIR [--json] [--export FILE]",
    N_("Compare a backup with what the new account holds, and say why anything is missing"),
    ferry_cli_command_verify },
  { "check", "check [--backup DIR] [--skip-transfer] [--unlock] [--export-forecast FILE]",
    N_("Check everything a move needs, and forecast what the followers’ servers will do"),
    ferry_cli_command_check },
  { "alias", "alias [--confirm]",
    N_("Name the old account as an alias of the new one (or open the page for it, and watch)"),
    ferry_cli_command_alias },
  { "move", "move [--backup DIR] [--skip-transfer]",
    N_("Move the old account to the new one (or open the page for it, and watch)"),
    ferry_cli_command_move },
  { "watch", "watch [--once] [--export FILE] [--interval MINUTES] [--back]",
    N_("Follower counts after the move, and who is left behind"), ferry_cli_command_watch },
  { "move-back", "move-back", N_("Move the new account back to the old one"),
    ferry_cli_command_move_back },
  { "community", "community new|list|roster|check|status|export …",
    N_("Help a community move: the roster, each member’s state"), ferry_cli_command_community },
  { "server", "server plan|inspect|dump|pack|probe …",
    N_("Move a Mastodon server: the runbook, the backup checked, the archive, the cut-over"),
    ferry_cli_command_server },
  { "probe", "probe SERVER [--json]",
    N_("Show a server’s software, version and what Ferry can do there"), command_probe },
  { "help", "help", N_("Show the commands and what they do"), command_help },
  { "version", "version", N_("Show the version"), command_version },
};

/* Options every command that talks to a server has. */
char *ca_file;

GTlsDatabase *
ferry_cli_trust_database (GError **error)
{
  if (ca_file != NULL)
    return ferry_tls_database_new (ca_file, error);
  return ferry_tls_database_get_default (error);
}

void
ferry_cli_got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
ferry_cli_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

int
ferry_cli_fail (GError *error)
{
  /* A message may carry a server's words: one line, made safe. */
  g_printerr ("ferry-cli: %s\n", ferry_cli_safe (error->message));
  return 1;
}

static void
print_usage (FILE *stream)
{
  gsize width = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].synopsis));

  fprintf (stream, "%s\n  ferry-cli [--version] [--help] %s\n\n%s\n",
           _("Usage:"), _("COMMAND [ARGUMENTS…]"), _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-*s  %s\n", (int) width, commands[i].synopsis,
             _(commands[i].description));
  fprintf (stream, "\n%s\n",
           _("Ferry moves a Mastodon-compatible account from one server to another."));
}

static int
command_help (int    argc,
              char **argv)
{
  print_usage (stdout);
  return EXIT_SUCCESS;
}

static int
command_version (int    argc,
                 char **argv)
{
  g_print ("ferry-cli %s\n", PACKAGE_VERSION);
  return EXIT_SUCCESS;
}

static int
command_probe (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("SERVER — what a server is"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryHandle) handle = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryServerInfo) info = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (argc != 2)
    {
      g_printerr (
        _("ferry-cli: probe needs one server, as in “ferry-cli probe mastodon.social”.\n"));
      return 2;
    }
  handle = ferry_handle_parse (argv[1], FERRY_HANDLE_PARSE_SERVER_ONLY, &error);
  if (handle == NULL || (trust = ferry_cli_trust_database (&error)) == NULL)
    return ferry_cli_fail (error);

  ferry_server_info_probe_text_async (argv[1], trust, NULL, ferry_cli_got_result, &result);
  info = ferry_server_info_probe_finish (ferry_cli_wait_for (&result), &error);
  if (info == NULL)
    return ferry_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ferry_server_info_to_json (info);
      g_autofree char *text = json_to_string (node, TRUE);

      ferry_cli_print_json (text);
    }
  else
    {
      g_autofree char *migration = ferry_move_describe_server (info);
      const char *software = ferry_server_info_get_software_name (info);
      const char *version = ferry_server_info_get_version (info);

      g_print ("%s\n", ferry_cli_safe (handle->display_host));
      if (software == NULL || software[0] == '\0')
        g_print ("  %s\n", _("The server does not say which software it runs."));
      else if (version == NULL || version[0] == '\0')
        /* Translators: %s is a server software, as in "GoToSocial" */
        g_print (_("  %s (the server does not say which version)\n"), ferry_cli_safe (software));
      else
        g_print ("  %s %s\n", ferry_cli_safe (software), ferry_cli_safe (version));
      g_print ("  %s\n", ferry_cli_safe (migration));
      g_print ("  %s\n", ferry_server_info_supports_pkce (info)
                           ? _("Sign-in is protected with PKCE.")
                           : _("Sign-in works without PKCE, as on servers before Mastodon 4.3."));
      if (!ferry_server_info_honours_move (info))
        g_print ("  %s\n", _("Followers on this server do not follow an account that moves."));
      for (const char * const *note = ferry_server_info_get_notes (info); note && *note; note++)
        g_print ("  %s\n", ferry_cli_safe (*note));
    }
  return 0;
}

static gboolean
parse_role (const char *text,
            FerryRole  *role)
{
  if (g_strcmp0 (text, "old") == 0)
    *role = FERRY_ROLE_OLD;
  else if (g_strcmp0 (text, "new") == 0)
    *role = FERRY_ROLE_NEW;
  else
    {
      g_printerr (_("ferry-cli: --role must be “old” (the account you move from) or “new” "
                    "(the account you move to).\n"));
      return FALSE;
    }
  return TRUE;
}

static const char *
role_name (FerryRole role)
{
  return role == FERRY_ROLE_OLD ? _("Moving from") : _("Moving to");
}

/* Whether a session bus can be reached without starting one: dconf writes through it. */
static gboolean
session_bus_reachable (void)
{
  g_autofree char *socket = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;
  socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);
  return g_file_test (socket, G_FILE_TEST_EXISTS);
}

/**
 * ferry_cli_settings:
 *
 * Ferry's settings for ferry-cli. Each ferry-cli is a process of its own, so settings that do
 * not outlive it are no settings: where the default backend is the memory one, or dconf with
 * no session bus to write through (it then drops every write with a warning), ferry-cli keeps
 * them in the keyfile GLib itself uses without dconf ($XDG_CONFIG_HOME/glib-2.0/settings/keyfile).
 */
GSettings *
ferry_cli_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_settings_backend_get_default ();
  const char *type = G_OBJECT_TYPE_NAME (backend);

  if (g_str_equal (type, "GMemorySettingsBackend") ||
      (g_str_equal (type, "DConfSettingsBackend") && !session_bus_reachable ()))
    {
      g_autofree char *file = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings",
                                                "keyfile", NULL);

      g_clear_object (&backend);
      backend = g_keyfile_settings_backend_new (file, "/", NULL);
    }
  return g_settings_new_with_backend (APP_ID, backend);
}

static FerryAccountManager *
account_manager (GError **error)
{
  g_autoptr(GSettings) settings = ferry_cli_settings ();
  g_autoptr(FerrySecretStore) store = ferry_keyring_store_new ();
  g_autoptr(GTlsDatabase) trust = ferry_cli_trust_database (error);
  FerryAccountManager *manager;
  const char *timeout = g_getenv ("FERRY_ANSWER_TIMEOUT");

  if (trust == NULL)
    return NULL;
  manager = ferry_account_manager_new (store, settings, trust);
  /* For tests: how long each account's check may take (seconds). */
  if (timeout != NULL && g_ascii_strtoull (timeout, NULL, 10) > 0)
    ferry_account_manager_set_answer_timeout (manager,
                                              (guint) g_ascii_strtoull (timeout, NULL, 10));
  return manager;
}

/* The accounts as the servers see them now: each one's token checked, within a deadline. */
FerryAccountManager *
ferry_cli_refreshed_account_manager (GError **error)
{
  g_autoptr(FerryAccountManager) manager = account_manager (error);
  g_autoptr(GAsyncResult) result = NULL;

  if (manager == NULL)
    return NULL;
  /* The waiting lines (ferry-cli-output.c) say how long Ferry gives each server here. */
  ferry_cli_output_set_give_up (ferry_account_manager_get_answer_timeout (manager));
  ferry_account_manager_refresh_async (manager, NULL, ferry_cli_got_result, &result);
  ferry_cli_wait_for (&result);
  ferry_cli_output_set_give_up (0);
  ferry_account_manager_refresh_finish (manager, result, NULL);
  return g_steal_pointer (&manager);
}

static gboolean
print_url (FerrySignIn *sign_in,
           const char  *url,
           gpointer     user_data)
{
  gboolean paste = ferry_sign_in_get_stage (sign_in) == FERRY_SIGN_IN_WAITING_FOR_CODE;
  const char *reason = ferry_sign_in_get_fallback_reason (sign_in);

  if (paste && reason != NULL)
    /* Translators: %s says why, e.g. "The server refused to send the browser back to Ferry
     * (server_error)." */
    g_print (_("%s Ferry goes on with a code instead.\n"), reason);
  g_print ("%s\n  %s\n",
           paste ? _("Open this page in your browser, sign in, and copy the code it shows:")
                 : _("Open this page in your browser to sign in (Ferry waits for it):"),
           ferry_cli_safe (url));
  fflush (stdout);
  /* Also ask the desktop to open it, where there is one. */
  return g_getenv ("FERRY_NO_BROWSER") != NULL;
}

static int
command_login (int    argc,
               char **argv)
{
  g_autofree char *role_text = NULL;
  gboolean paste = FALSE;
  gboolean admin = FALSE;
  gboolean helper = FALSE;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("old or new"), N_("ROLE") },
    { "community-admin", 0, 0, G_OPTION_ARG_NONE, &admin,
      N_("Also ask to read the server’s accounts, for a community’s roster (admins and "
         "moderators)"), NULL },
    { "community-helper", 0, 0, G_OPTION_ARG_NONE, &helper,
      N_("Also ask to post, schedule and pin a community’s announcements"), NULL },
    { "paste-code", 0, 0, G_OPTION_ARG_NONE, &paste,
      N_("Paste a code instead of coming back from the browser"), NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("SERVER — sign in to an account"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerrySignIn) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryAccount) account = NULL;
  g_autofree char *display = NULL;
  FerryRole role;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (argc != 2 || role_text == NULL)
    {
      g_printerr (_("ferry-cli: login needs a server and a role, as in “ferry-cli login "
                    "mastodon.social --role old”.\n"));
      return 2;
    }
  if (!parse_role (role_text, &role))
    return 2;
  if ((manager = ferry_cli_refreshed_account_manager (&error)) == NULL)
    return ferry_cli_fail (error);

  job = ferry_sign_in_new (argv[1], role, ferry_account_manager_get_store (manager),
                           ferry_account_manager_get_tls_database (manager));
  ferry_sign_in_set_paste_code (job, paste);
  ferry_sign_in_set_extra_access (job, (admin ? FERRY_OAUTH_ADMIN_READ : 0) |
                                       (helper ? FERRY_OAUTH_POST : 0));
  ferry_sign_in_set_force_login (job, ferry_account_manager_shares_server (manager, role, argv[1]));
  g_signal_connect (job, "open-uri", G_CALLBACK (print_url), NULL);
  ferry_sign_in_run_async (job, NULL, ferry_cli_got_result, &result);

  /* The code is asked for where the person chose it, and where the browser's way back
   * failed and Ferry went on with a code. */
  while (result == NULL)
    {
      char line[1024];

      g_main_context_iteration (NULL, TRUE);
      if (result != NULL || ferry_sign_in_get_stage (job) != FERRY_SIGN_IN_WAITING_FOR_CODE)
        continue;
      g_print ("%s ", _("Code:"));
      fflush (stdout);
      /* A person is typing: reading the terminal is the point of this command. */
      if (fgets (line, sizeof line, stdin) == NULL)
        line[0] = '\0';
      ferry_sign_in_submit_code (job, line);
    }

  account = ferry_sign_in_run_finish (job, result, &error);
  if (account == NULL)
    return ferry_cli_fail (error);
  ferry_account_manager_adopt (manager, role, account, ferry_sign_in_get_client (job));
  /* Signed in only if the next ferry-cli will know it too. */
  if (!ferry_account_manager_check_saved (manager, role, &error))
    return ferry_cli_fail (error);
  display = ferry_handle_to_display (ferry_account_get_handle (account));
  /* Translators: "Signed in as @alice@example.org (Moving from)." */
  g_print (_("Signed in as %s (%s).\n"), ferry_cli_safe (display), role_name (role));
  return 0;
}

const char *
ferry_cli_state_text (FerryAccountState state)
{
  switch (state)
    {
    case FERRY_ACCOUNT_SIGNED_IN:
      return _("signed in");
    case FERRY_ACCOUNT_LOGIN_DISABLED:
      return _("signed in, but the server has disabled the sign-in (as after a move)");
    case FERRY_ACCOUNT_EXPIRED:
      return _("signed out by the server: sign in again");
    case FERRY_ACCOUNT_UNREACHABLE:
      return _("signed in, but the server did not answer");
    case FERRY_ACCOUNT_CHECKING:
      return _("checking");
    case FERRY_ACCOUNT_SIGNED_OUT:
    default:
      return _("not signed in");
    }
}

static int
command_accounts (int    argc,
                  char **argv)
{
  static const char *states[] = { "signed-out", "checking", "signed-in", "login-disabled",
                                  "expired", "unreachable" };
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the signed-in accounts"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if ((manager = ferry_cli_refreshed_account_manager (&error)) == NULL)
    return ferry_cli_fail (error);

  json_builder_begin_object (builder);
  for (FerryRole role = FERRY_ROLE_OLD; role <= FERRY_ROLE_NEW; role++)
    {
      FerryAccountState state = ferry_account_manager_get_state (manager, role);
      FerryAccount *account = ferry_account_manager_get_account (manager, role);
      const char *handle = ferry_account_manager_get_handle (manager, role);
      const char *problem = ferry_account_manager_get_problem (manager, role);

      if (json)
        {
          json_builder_set_member_name (builder, role == FERRY_ROLE_OLD ? "old" : "new");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (builder, states[state]);
          json_builder_set_member_name (builder, "account");
          json_builder_add_string_value (builder, handle);
          if (account != NULL)
            {
              json_builder_set_member_name (builder, "display_name");
              json_builder_add_string_value (builder, ferry_account_get_display_name (account));
              json_builder_set_member_name (builder, "followers");
              json_builder_add_int_value (builder, ferry_account_get_followers (account));
              json_builder_set_member_name (builder, "following");
              json_builder_add_int_value (builder, ferry_account_get_following (account));
              json_builder_set_member_name (builder, "posts");
              json_builder_add_int_value (builder, ferry_account_get_statuses (account));
              json_builder_set_member_name (builder, "moved_to");
              json_builder_add_string_value (builder, ferry_account_get_moved_to (account));
            }
          json_builder_end_object (builder);
          continue;
        }

      g_print ("%s: ", role_name (role));
      if (handle == NULL)
        {
          g_print ("%s\n", ferry_cli_state_text (state));
          continue;
        }
      g_print ("@%s — %s\n", ferry_cli_safe (handle), ferry_cli_state_text (state));
      if (account != NULL && ferry_account_get_display_name (account) != NULL)
        {
          g_print ("  %s\n", ferry_cli_safe (ferry_account_get_display_name (account)));
        }
      if (account != NULL)
        {
          g_autofree char *followers =
            g_strdup_printf ("%" G_GINT64_FORMAT, ferry_account_get_followers (account));
          g_autofree char *following =
            g_strdup_printf ("%" G_GINT64_FORMAT, ferry_account_get_following (account));
          g_autofree char *posts =
            g_strdup_printf ("%" G_GINT64_FORMAT, ferry_account_get_statuses (account));

          /* Translators: the counts of an account; each %s is a number */
          g_print (_("  Followers: %s · Follows: %s · Posts: %s\n"), followers, following, posts);
          if (ferry_account_get_moved_to (account) != NULL)
            g_print (_("  Moved to %s\n"), ferry_cli_safe (ferry_account_get_moved_to (account)));
        }
      if (problem != NULL)
        g_print ("  %s\n", ferry_cli_safe (problem));
    }
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      ferry_cli_print_json (text);
    }
  return 0;
}

static int
command_logout (int    argc,
                char **argv)
{
  g_autofree char *role_text = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("old or new"), N_("ROLE") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— sign out of an account"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  FerryRole role;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (role_text == NULL || !parse_role (role_text, &role))
    return 2;
  if ((manager = account_manager (&error)) == NULL)
    return ferry_cli_fail (error);
  ferry_account_manager_sign_out_async (manager, role, NULL, ferry_cli_got_result, &result);
  if (!ferry_account_manager_sign_out_finish (manager, ferry_cli_wait_for (&result), &error) ||
      !ferry_account_manager_check_saved (manager, role, &error))
    return ferry_cli_fail (error);
  g_print (_("Signed out (%s).\n"), role_name (role));
  return 0;
}

/* backup */

typedef struct
{
  FerryBackup  *backup;
  gboolean      terminal;
} BackupProgress;

/* The job notifies its progress a few times a second at most: each is printed. */
static void
print_progress (BackupProgress *progress)
{
  GListModel *categories = ferry_backup_get_categories (progress->backup);
  FerryJob *job = FERRY_JOB (progress->backup);
  g_autoptr(GString) line = g_string_new (NULL);
  FerryBackupCategory *busiest = NULL;

  if (!progress->terminal)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);

      if (ferry_backup_category_get_state (category) == FERRY_STEP_STATE_RUNNING
          && (busiest == NULL
              || ferry_backup_category_get_total (category)
                   > ferry_backup_category_get_total (busiest)))
        busiest = category;
    }
  g_string_printf (line, "%3.0f %%", ferry_job_get_fraction (job) * 100);
  if (busiest != NULL)
    {
      gint64 total = ferry_backup_category_get_total (busiest);
      gint64 left = ferry_backup_category_get_seconds_left (busiest);

      g_string_append_printf (line, "  %s %" G_GINT64_FORMAT,
                              ferry_backup_category_get_title (busiest),
                              ferry_backup_category_get_done (busiest));
      if (total >= 0)
        g_string_append_printf (line, "/%" G_GINT64_FORMAT, total);
      if (left >= 0)
        /* Translators: time left, in minutes and seconds */
        g_string_append_printf (line, _("  (%d:%02d left)"), (int) (left / 60), (int) (left % 60));
    }
  if (ferry_job_is_paused (job) || ferry_job_get_state (job) == FERRY_JOB_STATE_WAITING)
    g_string_append (line, _("  waiting"));
  ferry_cli_clear_line ();
  g_print ("%s", line->str);
}

static void
category_state_changed (FerryBackupCategory *category,
                        GParamSpec          *pspec,
                        BackupProgress      *progress)
{
  FerryStepState state = ferry_backup_category_get_state (category);
  const char *detail = ferry_backup_category_get_detail (category);

  if (state != FERRY_STEP_STATE_DONE && state != FERRY_STEP_STATE_SKIPPED
      && state != FERRY_STEP_STATE_FAILED)
    return;
  if (progress->terminal)
    ferry_cli_clear_line ();
  switch (state)
    {
    case FERRY_STEP_STATE_DONE:
      {
        g_autofree char *count =
          g_strdup_printf ("%" G_GINT64_FORMAT, ferry_backup_category_get_done (category));

        /* Translators: "Following: 10000 saved" */
        g_print (_("%s: %s saved\n"), ferry_backup_category_get_title (category), count);
      }
      break;
    case FERRY_STEP_STATE_SKIPPED:
      /* The media of posts left out end without words of their own: say so, never "(null)". */
      if (detail == NULL || detail[0] == '\0')
        detail = g_strcmp0 (ferry_backup_category_get_id (category), "media") == 0
                   ? _("Left out with the posts they belong to.")
                   : _("Left out.");
      g_print (_("%s: skipped (%s)\n"), ferry_backup_category_get_title (category),
               ferry_cli_safe (detail));
      break;
    case FERRY_STEP_STATE_FAILED:
    case FERRY_STEP_STATE_PENDING:
    case FERRY_STEP_STATE_RUNNING:
    default:
      if (detail == NULL || detail[0] == '\0')
        detail = _("the reason is not known; run the same command again to try again");
      g_print (_("%s: not saved: %s\n"), ferry_backup_category_get_title (category),
               ferry_cli_safe (detail));
      break;
    }
  print_progress (progress);
}

static void
on_progress (GObject        *object,
             GParamSpec     *pspec,
             BackupProgress *progress)
{
  print_progress (progress);
}

gboolean
ferry_cli_interrupted (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

FerryRole
ferry_cli_find_role (FerryAccountManager *manager,
           const char          *text,
           GError             **error)
{
  g_autoptr(FerryHandle) wanted = NULL;

  if (text == NULL)
    return FERRY_ROLE_OLD;
  wanted = ferry_handle_parse (text, FERRY_HANDLE_PARSE_DEFAULT, error);
  if (wanted == NULL)
    return -1;
  for (FerryRole role = FERRY_ROLE_OLD; role <= FERRY_ROLE_NEW; role++)
    {
      FerryAccount *account = ferry_account_manager_get_account (manager, role);

      if (account != NULL && ferry_handle_equal (ferry_account_get_handle (account), wanted))
        return role;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("%s is not signed in. Sign in first: ferry-cli login SERVER --role old"), text);
  return -1;
}

static int
command_backup (int    argc,
                char **argv)
{
  g_autofree char *account_text = NULL;
  g_autofree char *output = NULL;
  gboolean no_posts = FALSE;
  gboolean no_media = FALSE;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_text,
      N_("The signed-in account to save (the old one if not given)"), N_("HANDLE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder to save it in"), N_("DIR") },
    { "no-posts", 0, 0, G_OPTION_ARG_NONE, &no_posts, N_("Leave out posts and their media"), NULL },
    { "no-media", 0, 0, G_OPTION_ARG_NONE, &no_media, N_("Leave out the media files of posts"),
      NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— save a complete copy of an account"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FerryBackup) backup = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  BackupProgress progress = { 0 };
  GListModel *categories;
  FerryClient *client;
  FerryRole role;
  guint sigint;
  guint sigterm;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (output == NULL || argc != 1)
    {
      g_printerr (_("ferry-cli: backup needs a folder, as in “ferry-cli backup --output "
                    "~/ferry-backup”.\n"));
      return 2;
    }
  if ((manager = ferry_cli_refreshed_account_manager (&error)) == NULL)
    return ferry_cli_fail (error);
  role = ferry_cli_find_role (manager, account_text, &error);
  if ((int) role < 0)
    return ferry_cli_fail (error);
  client = ferry_account_manager_get_client (manager, role);
  if (ferry_account_manager_get_state (manager, role) == FERRY_ACCOUNT_UNREACHABLE)
    {
      /* Not answering is not signed out: signing in again would not help. */
      g_printerr ("ferry-cli: %s\n", ferry_account_manager_get_problem (manager, role));
      return 1;
    }
  if (client == NULL || ferry_account_manager_get_state (manager, role) != FERRY_ACCOUNT_SIGNED_IN)
    {
      g_printerr (_("ferry-cli: the account is not signed in (%s). Sign in first: ferry-cli login "
                    "SERVER --role old\n"),
                  ferry_cli_state_text (ferry_account_manager_get_state (manager, role)));
      return 1;
    }

  dir = g_file_new_for_commandline_arg (output);
  backup = ferry_backup_new (client, dir,
                             (no_posts ? FERRY_BACKUP_NO_POSTS : 0)
                               | (no_media ? FERRY_BACKUP_NO_MEDIA : 0));
  progress.backup = backup;
  progress.terminal = isatty (STDOUT_FILENO);
  categories = ferry_backup_get_categories (backup);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);

      g_signal_connect (category, "notify::state", G_CALLBACK (category_state_changed), &progress);
    }
  /* done moves with every page committed; the fraction with it. */
  g_signal_connect (backup, "notify::done", G_CALLBACK (on_progress), &progress);
  g_signal_connect (backup, "notify::state", G_CALLBACK (on_progress), &progress);
  sigint = g_unix_signal_add (SIGINT, ferry_cli_interrupted, cancellable);
  sigterm = g_unix_signal_add (SIGTERM, ferry_cli_interrupted, cancellable);

  ferry_job_run_async (FERRY_JOB (backup), cancellable, ferry_cli_got_result, &result);
  ok = ferry_job_run_finish (FERRY_JOB (backup), ferry_cli_wait_for (&result), &error);
  g_signal_handlers_disconnect_by_data (backup, &progress);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);

      g_signal_handlers_disconnect_by_data (category, &progress);
    }
  if (progress.terminal)
    ferry_cli_clear_line ();
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr (_("Stopped. What was saved is kept: run the same command again to go on.\n"));
          return 130;
        }
      return ferry_cli_fail (error);
    }
  {
    g_autofree char *path = g_file_get_parse_name (dir);

    g_print (_("The backup is complete: %s\n"), path);
  }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("ferry-cli");
  ferry_cli_output_init ();
  ferry_cli_bench_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    name = "help";
  else if (g_str_equal (name, "--version"))
    name = "version";

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  /* Translators: %s is what the person typed as a command */
  g_printerr (_("ferry-cli: “%s” is not a command. See “ferry-cli help”.\n"),
              ferry_cli_safe (name));
  return 2;
}
