/* test-fedisim-large.c: the "large" fixture, and Mastodon's numbers against it
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paging the 10,000 follows takes the 125 requests Mastodon needs at 80 a page, and the
 * 301st request in five minutes is refused.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fedisim.h"
#include "fedisim-browser.h"

static void
test_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimWorld) world = fedisim_world_new (&error);
  g_autoptr(FedisimBrowser) browser = NULL;
  FedisimServer *server;
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *url = NULL;
  g_autofree char *account_id = NULL;
  gint64 following_count = 0;
  gint64 start;
  guint requests = 0;
  guint status;
  gboolean last_had_next = FALSE;

  g_assert_no_error (error);
  browser = fedisim_browser_new (world);
  server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  fedisim_server_seed_fixture (server, "alice", "large");
  g_test_message ("large fixture generated in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  /* Every count exact. */
  dump = fedisim_server_dump_account (server, "alice");
  {
    JsonObject *o = json_node_get_object (dump);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "following")), ==, 10000);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "followers")), ==, 5000);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "blocks")), ==, 1000);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "mutes")), ==, 1000);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "lists")), ==, 50);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "bookmarks")), ==, 2000);
    g_assert_cmpint (json_object_get_int_member (o, "statuses"), ==, 10000);
  }

  /* Start at the beginning of a 5-minute window, so that all of this falls in one. */
  fedisim_world_set_time (world, (fedisim_world_now (world) / 900 + 1) * 900);
  token = fedisim_server_issue_token (server, "alice", "read");

  {
    g_autofree char *me_url = g_strconcat (fedisim_server_get_base_url (server),
                                           "/api/v1/accounts/verify_credentials", NULL);
    g_autoptr(GBytes) body = fedisim_browser_request (browser, "GET", me_url, token, NULL, NULL,
                                                      &status, NULL, &error);
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_no_error (error);
    requests++;
    g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                               g_bytes_get_size (body), NULL));
    account_id = g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "id"));
    following_count = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "following_count");
    g_assert_cmpint (following_count, ==, 10000);
  }

  /* Page as a careful client does: follow Link, stop once following_count is reached. */
  url = g_strdup_printf ("%s/api/v1/accounts/%s/following?limit=80",
                         fedisim_server_get_base_url (server), account_id);
  while (url != NULL && seen->len < (guint) following_count)
    {
      SoupMessageHeaders *headers = NULL;
      g_autoptr(GBytes) body = fedisim_browser_request (browser, "GET", url, token, NULL, NULL,
                                                        &status, &headers, &error);
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *link = soup_message_headers_get_one (headers, "Link");
      JsonArray *page;

      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 200);
      requests++;
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                                 g_bytes_get_size (body), NULL));
      page = json_node_get_array (json_parser_get_root (parser));
      for (guint i = 0; i < json_array_get_length (page); i++)
        g_ptr_array_add (seen, g_strdup (json_object_get_string_member (
          json_array_get_object_element (page, i), "id")));

      g_clear_pointer (&url, g_free);
      last_had_next = link != NULL && strstr (link, "rel=\"next\"") != NULL;
      if (last_had_next)
        {
          const char *start_url = strchr (link, '<') + 1;
          url = g_strndup (start_url, strchr (start_url, '>') - start_url);
        }
      soup_message_headers_unref (headers);
    }

  g_assert_cmpuint (seen->len, ==, 10000);
  g_assert_cmpuint (fedisim_server_request_count (server, "GET /api/v1/accounts/:id/following"), ==, 125);
  /* Mastodon sets "next" on every full page, the last one too. */
  g_assert_true (last_had_next);

  /* The same token, until the 300th request of the window; the 301st is refused. */
  {
    g_autofree char *prefs = g_strconcat (fedisim_server_get_base_url (server), "/api/v1/preferences", NULL);

    while (requests < 300)
      {
        g_bytes_unref (fedisim_browser_request (browser, "GET", prefs, token, NULL, NULL,
                                                &status, NULL, &error));
        g_assert_cmpuint (status, ==, 200);
        requests++;
      }
    g_bytes_unref (fedisim_browser_request (browser, "GET", prefs, token, NULL, NULL,
                                            &status, NULL, &error));
    g_assert_cmpuint (status, ==, 429);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fedisim/large", test_large);
  return g_test_run ();
}
