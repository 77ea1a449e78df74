/* fedisim-main.c: the simulated Fediverse as a program, for trying Ferry by hand
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fedisim --config examples/two-pairs.ini [--http]
 *
 * Groups: [world] limit-factor=N; [server NAME] flavour, version, users, fixture,
 * authorized-fetch, latency-ms (every answer that much later), print-tokens (a token with
 * every scope for each user, for scripts), display-name and note (the first user's profile;
 * any characters, escapes too, as a hostile server's users may have).
 *
 * --community N seeds a moving community (fedisim-community.h) of N members (at most 5,000)
 * on the first server, the new accounts on the second, the third (if any) as "elsewhere", with
 * the local account "community" that all members follow and that is an admin with a token
 * printed ("community-token: …"); it prints how many members are in each state
 * ("community-state STATE N"). --community-seed S makes another spread.
 *
 * SIGUSR1 prints, per server, the requests per route ("requests NAME\tROUTE\tN") and how many
 * answers it gave ("answers NAME N") since the last SIGUSR1, and starts over.
 *
 * Starts the servers the file describes, prints their URLs, the test CA to trust
 * (FERRY_CA_FILE=…) and the users' passwords, and runs until interrupted.
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "fedisim.h"
#include "fedisim-community.h"

static const char *flavour_names[] = { "mastodon", "gotosocial", "akkoma", "legacy" };

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static GPtrArray *named_servers;   /* (name, FedisimServer*) pairs, for SIGUSR1 */

static gboolean
print_counts_cb (gpointer user_data)
{
  for (guint i = 0; i + 1 < named_servers->len; i += 2)
    {
      FedisimServer *server = g_ptr_array_index (named_servers, i + 1);
      g_autofree char *requests = fedisim_server_describe_requests (server);
      g_auto(GStrv) lines = g_strsplit (requests, "\n", -1);

      for (guint j = 0; lines[j] && lines[j][0]; j++)
        g_print ("requests %s\t%s\n", (const char *) g_ptr_array_index (named_servers, i), lines[j]);
      g_print ("answers %s %u\n", (const char *) g_ptr_array_index (named_servers, i),
               fedisim_server_answer_count (server));
      fedisim_server_reset_counts (server);
    }
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static const char *state_names[] = {
  "not-started", "new-account", "alias-set", "moved", "arriving", "done", "elsewhere", "deleted",
  "suspended", "inactive",
};

G_STATIC_ASSERT (G_N_ELEMENTS (state_names) == FEDISIM_MEMBER_N_STATES);

/* --community N: the first server is the old one, the second the new, a third elsewhere. */
static gboolean
seed_community (guint n,
                guint seed)
{
  FedisimCommunityConfig config = { .n_members = n, .seed = seed,
                                    .community_account = "community" };
  FedisimServer *old_server, *new_server;
  g_autofree char *token = NULL;

  if (named_servers->len < 4 || n > 5000)
    {
      g_printerr ("fedisim: --community needs two servers and at most 5,000 members\n");
      return FALSE;
    }
  old_server = g_ptr_array_index (named_servers, 1);
  new_server = g_ptr_array_index (named_servers, 3);
  config.elsewhere = named_servers->len >= 6 ? g_ptr_array_index (named_servers, 5) : NULL;
  fedisim_server_seed_community (old_server, new_server, &config);
  fedisim_server_set_admin (old_server, "community", 1);
  token = fedisim_server_issue_token (old_server, "community",
                                      "read write follow admin:read:accounts");
  g_print ("\ncommunity %u members on %s, moving to %s\n", n,
           fedisim_server_get_host (old_server), fedisim_server_get_host (new_server));
  g_print ("community-user: community@%s password: password\n",
           fedisim_server_get_host (old_server));
  g_print ("community-token: %s\n", token);
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    g_print ("community-state %s %u\n", state_names[s],
             fedisim_community_count_state (old_server, s));
  return TRUE;
}

static gboolean
parse_flavour (const char     *name,
               FedisimFlavour *flavour)
{
  for (guint i = 0; i < G_N_ELEMENTS (flavour_names); i++)
    if (g_strcmp0 (name, flavour_names[i]) == 0)
      {
        *flavour = i;
        return TRUE;
      }
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  gboolean http = FALSE;
  gint community = -1;
  gint community_seed = 1;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config, "The servers to start", "FILE" },
    { "http", 0, 0, G_OPTION_ARG_NONE, &http, "Plain http instead of HTTPS (never in tests)", NULL },
    { "community", 0, 0, G_OPTION_ARG_INT, &community,
      "Seed a moving community of N members on the first server", "N" },
    { "community-seed", 0, 0, G_OPTION_ARG_INT, &community_seed,
      "The seed of the community's spread over states", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- a simulated Fediverse");
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(FedisimWorld) world = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_auto(GStrv) groups = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || config == NULL)
    {
      g_printerr ("fedisim: %s\n", error ? error->message : "--config FILE is needed");
      return 2;
    }
  if (!g_key_file_load_from_file (keys, config, G_KEY_FILE_NONE, &error))
    {
      g_printerr ("fedisim: %s: %s\n", config, error->message);
      return 2;
    }

  world = http ? fedisim_world_new_plain_http () : fedisim_world_new (&error);
  if (world == NULL)
    {
      g_printerr ("fedisim: %s\n", error->message);
      return 1;
    }

  /* [world] limit-factor=N: request throttles N times Mastodon's (benchmarks). */
  if (g_key_file_has_key (keys, "world", "limit-factor", NULL))
    fedisim_world_set_limit_factor (world, (guint) g_key_file_get_integer (keys, "world",
                                                                          "limit-factor", NULL));

  named_servers = g_ptr_array_new ();
  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *flavour_name = NULL;
      g_autofree char *version = NULL;
      g_autofree char *fixture = NULL;
      g_auto(GStrv) users = NULL;
      FedisimFlavour flavour;
      FedisimServer *server;

      if (!g_str_has_prefix (groups[i], "server "))
        continue;
      flavour_name = g_key_file_get_string (keys, groups[i], "flavour", NULL);
      version = g_key_file_get_string (keys, groups[i], "version", NULL);
      fixture = g_key_file_get_string (keys, groups[i], "fixture", NULL);
      users = g_key_file_get_string_list (keys, groups[i], "users", NULL, NULL);
      if (!parse_flavour (flavour_name, &flavour))
        {
          g_printerr ("fedisim: [%s]: unknown flavour “%s”\n", groups[i], flavour_name);
          return 2;
        }
      server = fedisim_world_add_server (world, flavour, version, &error);
      if (server == NULL)
        {
          g_printerr ("fedisim: %s\n", error->message);
          return 1;
        }
      fedisim_server_set_authorized_fetch (server, g_key_file_get_boolean (keys, groups[i],
                                                                           "authorized-fetch", NULL));
      if (g_key_file_has_key (keys, groups[i], "latency-ms", NULL))
        fedisim_server_add_fault (server, "*", FEDISIM_FAULT_LATENCY,
                                  (guint) g_key_file_get_integer (keys, groups[i], "latency-ms", NULL), 0);
      g_ptr_array_add (named_servers, g_strdup (groups[i] + 7));
      g_ptr_array_add (named_servers, server);

      g_print ("%-12s %-10s %-8s %s\n", groups[i] + 7, flavour_names[flavour],
               fedisim_server_get_version (server), fedisim_server_get_base_url (server));
      for (guint u = 0; users && users[u]; u++)
        {
          g_auto(GStrv) pair = g_strsplit (users[u], ":", 2);
          const char *password = pair[1] ? pair[1] : "password";

          fedisim_server_add_user (server, pair[0], password);
          if (fixture != NULL && u == 0)
            fedisim_server_seed_fixture (server, pair[0], fixture);
          if (u == 0)
            {
              g_autofree char *display_name = g_key_file_get_string (keys, groups[i],
                                                                     "display-name", NULL);
              g_autofree char *note = g_key_file_get_string (keys, groups[i], "note", NULL);

              if (display_name != NULL || note != NULL)
                fedisim_server_set_profile (server, pair[0], display_name, note);
            }
          g_print ("    @%s@%s  password: %s%s%s\n", pair[0], fedisim_server_get_host (server),
                   password, fixture && u == 0 ? "  fixture: " : "", fixture && u == 0 ? fixture : "");
          if (g_key_file_get_boolean (keys, groups[i], "print-tokens", NULL))
            {
              g_autofree char *token = fedisim_server_issue_token (server, pair[0], "read write follow push");

              g_print ("    token: %s\n", token);
            }
        }
    }

  if (community >= 0 && !seed_community ((guint) community, (guint) community_seed))
    return 2;

  if (!http)
    g_print ("\nTrust the test CA: FERRY_CA_FILE=%s\n", fedisim_world_get_ca_file (world));
  g_print ("Running; Ctrl+C stops.\n");
  fflush (stdout);

  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGUSR1, print_counts_cb, NULL);
  g_main_loop_run (loop);
  return 0;
}
