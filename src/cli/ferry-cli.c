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

#include "ferry-api-error.h"
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

static const FerryCliCommand commands[] = {
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
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryServerInfo) info = NULL;
  g_autofree char *base_url = NULL;

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

  base_url = ferry_handle_get_base_url (handle);
  client = ferry_client_new (base_url, trust);
  ferry_server_info_probe_async (client, NULL, got_result, &result);
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
