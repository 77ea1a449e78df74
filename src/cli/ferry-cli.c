/* ferry-cli.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferry-account-manager.h"
#include "ferry-api-error.h"
#include "ferry-keyring-store.h"
#include "ferry-sign-in.h"
#include "ferry-handle.h"
#include "ferry-server-info.h"
#include "ferry-tls-database.h"

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

static const FerryCliCommand commands[] = {
  { "login", "login SERVER --role old|new [--paste-code]", N_("Sign in to the account you move from (old) or to (new)"),
    command_login },
  { "accounts", "accounts [--json]", N_("Show the signed-in accounts"), command_accounts },
  { "logout", "logout --role old|new", N_("Sign out of an account, and revoke Ferry’s access to it"),
    command_logout },
  { "probe", "probe SERVER [--json]", N_("Show a server’s software, version and what Ferry can do there"),
    command_probe },
  { "help", "help", N_("Show the commands and what they do"), command_help },
  { "version", "version", N_("Show the version"), command_version },
};

/* Options every command that talks to a server has. */
static char *ca_file;

static GTlsDatabase *
trust_database (GError **error)
{
  if (ca_file != NULL)
    return ferry_tls_database_new (ca_file, error);
  return ferry_tls_database_get_default (error);
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static int
fail (GError *error)
{
  g_printerr ("ferry-cli: %s\n", error->message);
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
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Also trust the CA certificates in FILE"), N_("FILE") },
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
    return fail (error);
  if (argc != 2)
    {
      g_printerr (_("ferry-cli: probe needs one server, as in “ferry-cli probe mastodon.social”.\n"));
      return 2;
    }
  handle = ferry_handle_parse (argv[1], FERRY_HANDLE_PARSE_SERVER_ONLY, &error);
  if (handle == NULL || (trust = trust_database (&error)) == NULL)
    return fail (error);

  ferry_server_info_probe_text_async (argv[1], trust, NULL, got_result, &result);
  info = ferry_server_info_probe_finish (wait_for (&result), &error);
  if (info == NULL)
    return fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ferry_server_info_to_json (info);
      g_autofree char *text = json_to_string (node, TRUE);

      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *migration = ferry_server_info_describe_migration (info);

      g_print ("%s\n", handle->display_host);
      g_print ("  %s %s\n", ferry_server_info_get_software_name (info), ferry_server_info_get_version (info));
      g_print ("  %s\n", migration);
      g_print ("  %s\n", ferry_server_info_supports_pkce (info)
                           ? _("Sign-in is protected with PKCE.")
                           : _("Sign-in works without PKCE, as on servers before Mastodon 4.3."));
      if (!ferry_server_info_honours_move (info))
        g_print ("  %s\n", _("Followers on this server do not follow an account that moves."));
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

static FerryAccountManager *
account_manager (GError **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(FerrySecretStore) store = ferry_keyring_store_new ();
  g_autoptr(GTlsDatabase) trust = trust_database (error);

  if (trust == NULL)
    return NULL;
  return ferry_account_manager_new (store, settings, trust);
}

static gboolean
print_url (FerrySignIn *sign_in,
           const char  *url,
           gpointer     user_data)
{
  gboolean paste = GPOINTER_TO_INT (user_data);

  g_print ("%s\n  %s\n", paste ? _("Open this page in your browser, sign in, and copy the code it shows:")
                                : _("Open this page in your browser to sign in (Ferry waits for it):"), url);
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
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("old or new"), N_("ROLE") },
    { "paste-code", 0, 0, G_OPTION_ARG_NONE, &paste, N_("Paste a code instead of coming back from the browser"), NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("SERVER — sign in to an account"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerrySignIn) job = NULL;
  g_autoptr(GAsyncResult) refreshed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryAccount) account = NULL;
  g_autofree char *display = NULL;
  FerryRole role;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 2 || role_text == NULL)
    {
      g_printerr (_("ferry-cli: login needs a server and a role, as in “ferry-cli login mastodon.social --role old”.\n"));
      return 2;
    }
  if (!parse_role (role_text, &role))
    return 2;
  if ((manager = account_manager (&error)) == NULL)
    return fail (error);
  ferry_account_manager_refresh_async (manager, NULL, got_result, &refreshed);
  ferry_account_manager_refresh_finish (manager, wait_for (&refreshed), NULL);

  job = ferry_sign_in_new (argv[1], role, ferry_account_manager_get_store (manager),
                           ferry_account_manager_get_tls_database (manager));
  ferry_sign_in_set_paste_code (job, paste);
  ferry_sign_in_set_force_login (job, ferry_account_manager_shares_server (manager, role, argv[1]));
  g_signal_connect (job, "open-uri", G_CALLBACK (print_url), GINT_TO_POINTER (paste));
  ferry_sign_in_run_async (job, NULL, got_result, &result);

  if (paste)
    {
      char line[1024];

      while (ferry_sign_in_get_stage (job) < FERRY_SIGN_IN_WAITING_FOR_CODE && result == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (result == NULL)
        {
          g_print ("%s ", _("Code:"));
          fflush (stdout);
          /* A person is typing: reading the terminal is the point of this command. */
          if (fgets (line, sizeof line, stdin) == NULL)
            line[0] = '\0';
          ferry_sign_in_submit_code (job, line);
        }
    }

  account = ferry_sign_in_run_finish (job, wait_for (&result), &error);
  if (account == NULL)
    return fail (error);
  ferry_account_manager_adopt (manager, role, account, ferry_sign_in_get_client (job));
  g_settings_sync ();
  display = ferry_handle_to_display (ferry_account_get_handle (account));
  /* Translators: "Signed in as @alice@example.org (Moving from)." */
  g_print (_("Signed in as %s (%s).\n"), display, role_name (role));
  return 0;
}

static const char *
state_text (FerryAccountState state)
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
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the signed-in accounts"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if ((manager = account_manager (&error)) == NULL)
    return fail (error);
  ferry_account_manager_refresh_async (manager, NULL, got_result, &result);
  ferry_account_manager_refresh_finish (manager, wait_for (&result), NULL);

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
          g_print ("%s\n", state_text (state));
          continue;
        }
      g_print ("@%s — %s\n", handle, state_text (state));
      if (account != NULL)
        {
          g_print ("  %s\n", ferry_account_get_display_name (account));
        }
      if (account != NULL)
        {
          g_autofree char *followers = g_strdup_printf ("%" G_GINT64_FORMAT, ferry_account_get_followers (account));
          g_autofree char *following = g_strdup_printf ("%" G_GINT64_FORMAT, ferry_account_get_following (account));
          g_autofree char *posts = g_strdup_printf ("%" G_GINT64_FORMAT, ferry_account_get_statuses (account));

          /* Translators: the counts of an account; each %s is a number */
          g_print (_("  Followers: %s · Following: %s · Posts: %s\n"), followers, following, posts);
          if (ferry_account_get_moved_to (account) != NULL)
            g_print (_("  Moved to %s\n"), ferry_account_get_moved_to (account));
        }
      if (problem != NULL)
        g_print ("  %s\n", problem);
    }
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
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
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— sign out of an account"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  FerryRole role;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (role_text == NULL || !parse_role (role_text, &role))
    return 2;
  if ((manager = account_manager (&error)) == NULL)
    return fail (error);
  ferry_account_manager_sign_out_async (manager, role, NULL, got_result, &result);
  if (!ferry_account_manager_sign_out_finish (manager, wait_for (&result), &error))
    return fail (error);
  g_settings_sync ();
  g_print (_("Signed out (%s).\n"), role_name (role));
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
  g_printerr (_("ferry-cli: “%s” is not a command. See “ferry-cli help”.\n"), name);
  return 2;
}
