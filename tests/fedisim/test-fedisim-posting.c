/* test-fedisim-posting.c: fedisim's posting contract: statuses with Idempotency-Key,
 * scheduled statuses and their limits, pins per flavour, the silent drop, lists per flavour
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-fedisim-common.h"

static void
got_answer (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A POST with an Idempotency-Key header (the scripted browser sends none). */
static JsonNode *
post_keyed (Fixture       *f,
            FedisimServer *server,
            const char    *token,
            const char    *form,
            const char    *key,
            guint         *status)
{
  g_autofree char *url = g_strconcat (fedisim_server_get_base_url (server), "/api/v1/statuses",
                                      NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  soup_session_set_tls_database (session, fedisim_world_get_tls_database (f->world));
  soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
  if (key != NULL)
    soup_message_headers_append (soup_message_get_request_headers (msg), "Idempotency-Key", key);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
  /* fedisim answers in this thread's main context: send asynchronously and iterate it. */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, got_answer, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  answer = soup_session_send_and_read_finish (session, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             g_bytes_get_size (answer), NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static char *
form_at (FedisimWorld *world,
         const char   *text,
         gint64        offset)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (fedisim_world_now (world) + offset);
  g_autofree char *iso = g_date_time_format_iso8601 (at);
  g_autofree char *escaped = g_uri_escape_string (iso, NULL, FALSE);

  return g_strdup_printf ("status=%s&visibility=unlisted&scheduled_at=%s", text, escaped);
}

static void
test_idempotency (Fixture       *f,
                  gconstpointer  data)
{
  FedisimFlavour flavour = GPOINTER_TO_INT (data);
  FedisimServer *server = add_server (f, flavour, NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(JsonNode) dump = NULL;
  guint status = 0;

  fedisim_server_add_user (server, "helper", "pw");
  token = fedisim_server_issue_token (server, "helper", "read write");
  first = post_keyed (f, server, token, "status=We+move&visibility=public", "k1", &status);
  g_assert_cmpuint (status, ==, 200);
  second = post_keyed (f, server, token, "status=We+move&visibility=public", "k1", &status);
  g_assert_cmpuint (status, ==, 200);
  dump = fedisim_server_dump_account (server, "helper");
  if (flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      /* GoToSocial ignores the key: two posts. */
      g_assert_cmpstr (member (first, "id"), !=, member (second, "id"));
      return;
    }
  g_assert_cmpstr (member (first, "id"), ==, member (second, "id"));
  /* After the hour the key is forgotten. */
  fedisim_world_advance (f->world, 3601);
  later = post_keyed (f, server, token, "status=We+move&visibility=public", "k1", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (member (first, "id"), !=, member (later, "id"));
}

static void
test_schedule_limits (Fixture       *f,
                      gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *past = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) statuses = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autofree char *path = NULL;
  gint64 now = fedisim_world_now (f->world);
  gint64 midnight = (now / 86400 + 2) * 86400;   /* the day after tomorrow, 00:00 UTC */
  guint status = 0;

  fedisim_server_add_user (server, "helper", "pw");
  token = fedisim_server_issue_token (server, "helper", "read write");

  /* Less than 5 minutes ahead: refused. */
  soon = form_at (f->world, "Soon", 4 * 60);
  node = call (f, server, "POST", "/api/v1/statuses", token, soon, &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  g_assert_nonnull (strstr (member (node, "error"), "must be in the future"));
  g_clear_pointer (&node, json_node_unref);

  /* 25 on one UTC day, then the 26th is refused; the next day takes more. */
  for (guint i = 0; i < 26; i++)
    {
      g_autofree char *form = form_at (f->world, "Reminder", midnight - now + 60 + i * 60);

      node = call (f, server, "POST", "/api/v1/statuses", token, form, &status, NULL);
      g_assert_cmpuint (status, ==, i < 25 ? 200 : 422);
      if (i == 25)
        g_assert_cmpstr (member (node, "error"), ==,
                         "Validation failed: You have exceeded the limit of 25 scheduled posts "
                         "for today");
      else
        g_assert_nonnull (member (node, "scheduled_at"));
      g_clear_pointer (&node, json_node_unref);
    }
  g_assert_cmpuint (fedisim_server_scheduled_count (server, "helper"), ==, 25);
  list = call (f, server, "GET", "/api/v1/scheduled_statuses?limit=40", token, NULL, &status, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 25);

  /* A past time posts at once on Mastodon. */
  past = form_at (f->world, "Past", -3600);
  node = call (f, server, "POST", "/api/v1/statuses", token, past, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (member (node, "content"));
  g_assert_null (member (node, "scheduled_at"));
  g_clear_pointer (&node, json_node_unref);

  /* The clock reaches them: they are posted, and leave the scheduled list. */
  fedisim_world_advance (f->world, midnight - now + 3600);
  g_clear_pointer (&list, json_node_unref);
  list = call (f, server, "GET", "/api/v1/scheduled_statuses", token, NULL, &status, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 0);
  me = call (f, server, "GET", "/api/v1/accounts/verify_credentials", token, NULL, &status, NULL);
  path = g_strdup_printf ("/api/v1/accounts/%s/statuses?limit=40", member (me, "id"));
  statuses = call (f, server, "GET", path, token, NULL, &status, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (statuses)), ==, 26);
}

static void
test_schedule_total (Fixture       *f,
                     gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *last = NULL;
  guint status = 0;

  fedisim_world_set_limit_factor (f->world, 10);
  fedisim_server_add_user (server, "helper", "pw");
  token = fedisim_server_issue_token (server, "helper", "read write");
  /* 300 over 15 days (20 a day), then the 301st is refused whatever its day. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *form = form_at (f->world, "Reminder", 86400 * (1 + i / 20) + i * 60);

      drop (call (f, server, "POST", "/api/v1/statuses", token, form, &status, NULL));
      g_assert_cmpuint (status, ==, 200);
    }
  last = form_at (f->world, "Reminder", 86400 * 30);
  node = call (f, server, "POST", "/api/v1/statuses", token, last, &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  g_assert_cmpstr (member (node, "error"), ==,
                   "Validation failed: You have exceeded the limit of 300 scheduled posts");
  g_assert_cmpuint (fedisim_server_scheduled_count (server, "helper"), ==, 300);
}

static void
test_schedule_flavours (Fixture       *f,
                        gconstpointer  data)
{
  FedisimServer *gts = add_server (f, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL);
  FedisimServer *akkoma = add_server (f, FEDISIM_FLAVOUR_AKKOMA, NULL);
  g_autofree char *gts_token = NULL;
  g_autofree char *ak_token = NULL;
  g_autofree char *past = form_at (f->world, "Past", -60);
  g_autofree char *soon = form_at (f->world, "Soon", 60);
  guint status = 0;

  fedisim_server_add_user (gts, "helper", "pw");
  fedisim_server_add_user (akkoma, "helper", "pw");
  gts_token = fedisim_server_issue_token (gts, "helper", "read write");
  ak_token = fedisim_server_issue_token (akkoma, "helper", "read write");
  drop (call (f, gts, "POST", "/api/v1/statuses", gts_token, past, &status, NULL));
  g_assert_cmpuint (status, ==, 403);
  drop (call (f, gts, "POST", "/api/v1/statuses", gts_token, soon, &status, NULL));
  g_assert_cmpuint (status, ==, 422);
  drop (call (f, akkoma, "POST", "/api/v1/statuses", ak_token, soon, &status, NULL));
  g_assert_cmpuint (status, ==, 422);
  g_assert_cmpuint (fedisim_server_scheduled_count (gts, NULL), ==, 0);
}

static void
test_pins (Fixture       *f,
           gconstpointer  data)
{
  FedisimFlavour flavour = GPOINTER_TO_INT (data);
  FedisimServer *server = add_server (f, flavour, NULL);
  guint limit = flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ? 10
                : flavour == FEDISIM_FLAVOUR_AKKOMA ? 1 : 5;
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) instance = NULL;
  JsonObject *accounts;
  guint status = 0;
  char *first = NULL;

  fedisim_server_add_user (server, "helper", "pw");
  token = fedisim_server_issue_token (server, "helper", "read write");
  /* Mastodon tells its limit in the instance (assumed: fedisim's others do not). */
  if (flavour == FEDISIM_FLAVOUR_MASTODON)
    {
      instance = call (f, server, "GET", "/api/v2/instance", NULL, NULL, &status, NULL);
      accounts = json_object_get_object_member (
        json_object_get_object_member (json_node_get_object (instance), "configuration"),
        "accounts");
      g_assert_cmpint (json_object_get_int_member (accounts, "max_pinned_statuses"), ==, limit);
    }
  for (guint i = 0; i <= limit; i++)
    {
      g_autoptr(JsonNode) post = call (f, server, "POST", "/api/v1/statuses", token,
                                       "status=Pin+me&visibility=public", &status, NULL);
      g_autofree char *path = g_strdup_printf ("/api/v1/statuses/%s/pin", member (post, "id"));
      g_autoptr(JsonNode) pinned = call (f, server, "POST", path, token, NULL, &status, NULL);

      g_assert_cmpuint (status, ==, i < limit ? 200 : 422);
      if (i == 0)
        first = g_strdup (member (post, "id"));
      if (i == limit)
        {
          g_autofree char *unpin = g_strdup_printf ("/api/v1/statuses/%s/unpin", first);

          g_assert_nonnull (strstr (member (pinned, "error"),
                                    flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ? "pin limit exceeded"
                                                                          : "maximum number of"));
          drop (call (f, server, "POST", unpin, token, NULL, &status, NULL));
          g_assert_cmpuint (status, ==, 200);
          drop (call (f, server, "POST", path, token, NULL, &status, NULL));
          g_assert_cmpuint (status, ==, 200);
        }
    }
  g_free (first);
}

static void
test_silent_drop (Fixture       *f,
                  gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) post = NULL;
  g_autoptr(JsonNode) clean = NULL;
  g_autofree char *path = NULL;
  guint status = 0;

  fedisim_server_add_user (server, "helper", "pw");
  fedisim_server_add_user (server, "bob", "pw");
  fedisim_server_add_spam_phrase (server, "new.example");
  token = fedisim_server_issue_token (server, "helper", "read write");
  /* Bob does not follow the helper: answered 200, never stored. */
  post = call (f, server, "POST", "/api/v1/statuses", token,
               "status=%40bob+please+move+to+new.example&visibility=unlisted", &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (member (post, "id"));
  path = g_strdup_printf ("/api/v1/statuses/%s", member (post, "id"));
  drop (call (f, server, "GET", path, token, NULL, &status, NULL));
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpuint (fedisim_server_dropped_count (server), ==, 1);
  /* Without a mention of a non-follower, the phrase alone does not drop. */
  clean = call (f, server, "POST", "/api/v1/statuses", token,
                "status=We+move+to+new.example&visibility=public", &status, NULL);
  g_free (path);
  path = g_strdup_printf ("/api/v1/statuses/%s", member (clean, "id"));
  drop (call (f, server, "GET", path, token, NULL, &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (fedisim_server_dropped_count (server), ==, 1);
}

static void
test_lists_akkoma (Fixture       *f,
                   gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_AKKOMA, NULL);
  g_autofree char *token = NULL;
  g_autofree char *bob = NULL;
  g_autofree char *path = NULL;
  g_autofree char *form = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) members = NULL;
  guint status = 0;

  fedisim_server_add_user (server, "helper", "pw");
  fedisim_server_add_user (server, "bob", "pw");
  token = fedisim_server_issue_token (server, "helper", "read write follow");
  bob = account_id (f, server, token, "bob");
  list = call (f, server, "POST", "/api/v1/lists", token, "title=Moved", &status, NULL);
  path = g_strdup_printf ("/api/v1/lists/%s/accounts", member (list, "id"));
  /* No follow, and an unknown id: {} all the same. */
  form = g_strdup_printf ("account_ids[]=%s&account_ids[]=999999", bob);
  added = call (f, server, "POST", path, token, form, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (added)), ==, 0);
  members = call (f, server, "GET", path, token, NULL, &status, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (members)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (data), setup, func, teardown)
  ADD ("/fedisim/posting/idempotency/mastodon", FEDISIM_FLAVOUR_MASTODON, test_idempotency);
  ADD ("/fedisim/posting/idempotency/gotosocial", FEDISIM_FLAVOUR_GOTOSOCIAL, test_idempotency);
  ADD ("/fedisim/posting/schedule-limits", 0, test_schedule_limits);
  ADD ("/fedisim/posting/schedule-total", 0, test_schedule_total);
  ADD ("/fedisim/posting/schedule-flavours", 0, test_schedule_flavours);
  ADD ("/fedisim/posting/pins/mastodon", FEDISIM_FLAVOUR_MASTODON, test_pins);
  ADD ("/fedisim/posting/pins/gotosocial", FEDISIM_FLAVOUR_GOTOSOCIAL, test_pins);
  ADD ("/fedisim/posting/pins/akkoma", FEDISIM_FLAVOUR_AKKOMA, test_pins);
  ADD ("/fedisim/posting/silent-drop", 0, test_silent_drop);
  ADD ("/fedisim/posting/lists-akkoma", 0, test_lists_akkoma);
  return g_test_run ();
}
