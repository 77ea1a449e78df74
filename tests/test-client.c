/* test-client.c: the API client against fedisim over HTTPS: paging, the rate budget, and
 * what it does with 429s, 5xx, dropped connections, broken answers, revoked tokens,
 * untrusted certificates and cancellation
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fedisim.h"
#include "fedisim-browser.h"
#include "ferry-api-error.h"
#include "ferry-client.h"
#include "ferry-server-info.h"
#include "ferry-tls-database.h"
#include "ferry-test-fixture.h"
#include "ferry-test-util.h"

typedef FerryTestFixture Fixture;


static JsonNode *
call (Fixture     *f,
      const char  *method,
      const char  *path,
      FerryParams *params,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_client_call_async (f->client, method, path, params, NULL, ferry_test_got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ferry_client_call_finish (f->client, result, NULL, error);
}

static void
test_pagination (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonArray) all = NULL;
  g_autofree char *path = NULL;

  fedisim_server_seed_following (f->server, "alice", 205);
  me = call (f, "GET", "/api/v1/accounts/verify_credentials", NULL, &error);
  g_assert_no_error (error);

  path = g_strdup_printf ("/api/v1/accounts/%s/following?limit=80",
                          json_object_get_string_member (json_node_get_object (me), "id"));
  ferry_client_list_async (f->client, path, 0, NULL, ferry_test_got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  all = ferry_client_list_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (all), ==, 205);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/accounts/:id/following"),
                    ==, 3);
}

typedef struct
{
  Fixture *f;
  guint    pending;
  guint    failed;
} Many;

static void
many_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Many *many = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  if (node == NULL)
    many->failed++;
  many->pending--;
}

/* 1,000 requests, all queued at once: the budget keeps every one of them from a 429. */
static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  Many many = { f, 1000, 0 };

  fedisim_world_set_time (f->world, (fedisim_world_now (f->world) / 300 + 1) * 300 + 7);
  for (guint i = 0; i < 1000; i++)
    ferry_client_call_async (f->client, "GET", "/api/v1/preferences", NULL, NULL, many_cb, &many);
  while (many.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (many.failed, ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (f->server, 200), ==, 1000);
  g_assert_cmpuint (fedisim_server_status_count (f->server, 429), ==, 0);
  /* 1,000 requests at 300 per 5 minutes: three full waits for a new window. */
  g_assert_cmpuint (f->waits, >=, 3);
  /* Four windows of 300 at most: never more than 300 in any 5 minutes, and no time lost. */
  g_assert_cmpint (f->waited, <=, 3 * 300);
  g_test_message ("1000 requests: %u waits, %" G_GINT64_FORMAT " s of server time waited, "
                  "%.0f requests per minute held, 0 answered 429",
                  f->waits, f->waited, 1000.0 / ((f->waited + 1) / 60.0));
}

/* Another app spent the token's budget: the first answer is a real 429, with headers and no
 * Retry-After; the client waits until the reset they gave, then succeeds. */
typedef struct
{
  GPtrArray  *order;   /* char*: what was answered, in order */
  guint       pending;
} Order;

typedef struct
{
  Order      *order;
  const char *name;
} OrderItem;

static void
order_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  OrderItem *item = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);

  g_assert_no_error (error);
  g_ptr_array_add (item->order->order, g_strdup (item->name));
  item->order->pending--;
}

/* Pages that wait for the paging window give their connection slots back: a call that is no
 * page, queued after them, is answered before them (it once waited behind four of them). On
 * the real clock (a scaled one reaches the end of a wait as it starts), with paging windows of
 * 4 s. */
static void
test_waiting_frees_slot (Fixture       *f,
                         gconstpointer  data)
{
  Order order = { g_ptr_array_new_with_free_func (g_free), 9 };
  OrderItem items[9];
  FerryRateLimiter *limiter;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) me = NULL;

  /* The server's clock first (the paging windows are on it). */
  ferry_client_set_time_scale (f->client, 1.0);
  me = call (f, "GET", "/api/v1/accounts/verify_credentials", NULL, &error);
  g_assert_no_error (error);
  limiter = ferry_client_get_rate_limiter (f->client);
  ferry_rate_limiter_set_paging_budget (limiter, 4, 4);
  /* At the start of a window: the pages after the fourth wait 3 s at least. */
  while (ferry_rate_limiter_get_server_now (limiter) % 4 != 0)
    g_usleep (G_USEC_PER_SEC / 20);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/bookmarks?max_id=%u", 1000 - i);

      items[i] = (OrderItem) { &order, "page" };
      ferry_client_call_async (f->client, "GET", path, NULL, NULL, order_cb, &items[i]);
    }
  items[8] = (OrderItem) { &order, "preferences" };
  ferry_client_call_async (f->client, "GET", "/api/v1/preferences", NULL, NULL, order_cb,
                           &items[8]);
  while (order.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  /* Four pages within the budget, and the call with them; the other four after the window
   * turned. */
  for (guint i = 0; i < order.order->len; i++)
    {
      g_test_message ("%u: %s", i, (const char *) g_ptr_array_index (order.order, i));
      if (g_str_equal (g_ptr_array_index (order.order, i), "preferences"))
        g_assert_cmpuint (i, <=, 4);
    }
  g_assert_cmpuint (f->waits, >=, 1);
  g_assert_cmpuint (fedisim_server_status_count (f->server, 429), ==, 0);
  g_ptr_array_unref (order.order);
}

static void
test_real_429 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FedisimBrowser) other = fedisim_browser_new (f->world);
  g_autofree char *url =
    g_strconcat (fedisim_server_get_base_url (f->server), "/api/v1/preferences", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  fedisim_world_set_time (f->world, (fedisim_world_now (f->world) / 300 + 1) * 300 + 7);
  for (guint i = 0; i < 300; i++)
    g_bytes_unref (
      fedisim_browser_request (other, "GET", url, f->token, NULL, NULL, &status, NULL, NULL));
  fedisim_server_reset_counts (f->server);

  node = call (f, "GET", "/api/v1/preferences", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fedisim_server_status_count (f->server, 429), ==, 1);
  g_assert_cmpuint (fedisim_server_status_count (f->server, 200), ==, 1);
  g_assert_cmpuint (f->waits, >=, 1);
  g_assert_cmpint (f->waited, <=, 300);
}

static void
test_injected_faults (Fixture       *f,
                      gconstpointer  data)
{
  struct {
    FedisimFault fault;
    guint value;
    guint times;
  } recoverable[] = {
    { FEDISIM_FAULT_STATUS, 429, 1 },
    { FEDISIM_FAULT_STATUS, 500, 2 },
    { FEDISIM_FAULT_STATUS, 503, 3 },
    { FEDISIM_FAULT_DROP, 0, 2 },
    { FEDISIM_FAULT_TRUNCATE, 0, 2 },
    { FEDISIM_FAULT_HTML, 200, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (recoverable); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint before = ferry_client_get_retries (f->client);

      fedisim_server_add_fault (f->server, "GET /api/v1/preferences", recoverable[i].fault,
                                recoverable[i].value, recoverable[i].times);
      node = call (f, "GET", "/api/v1/preferences", NULL, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_assert_cmpuint (ferry_client_get_retries (f->client) - before, >=, 1);
      fedisim_server_clear_faults (f->server);
    }
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) server = NULL;
  g_autoptr(GError) html = NULL;
  g_autoptr(GError) post = NULL;
  g_autoptr(GError) revoked = NULL;
  g_autoptr(GError) missing = NULL;
  g_autoptr(FerryParams) params = ferry_params_add (ferry_params_new (), "title", "Boats");
  JsonNode *node;

  /* Always 500: after the retries, a server error in words. */
  fedisim_server_add_fault (f->server, "GET /api/v1/preferences", FEDISIM_FAULT_STATUS, 500, 0);
  node = call (f, "GET", "/api/v1/preferences", NULL, &server);
  g_assert_null (node);
  g_assert_error (server, FERRY_API_ERROR, FERRY_API_ERROR_SERVER);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/preferences"), ==, 4);
  fedisim_server_clear_faults (f->server);

  /* An HTML page where JSON was promised: never shown as HTML. */
  fedisim_server_add_fault (f->server, "GET /api/v1/preferences", FEDISIM_FAULT_HTML, 200, 0);
  node = call (f, "GET", "/api/v1/preferences", NULL, &html);
  g_assert_null (node);
  g_assert_error (html, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
  g_assert_null (strstr (html->message, "<"));
  fedisim_server_clear_faults (f->server);

  /* A POST is not repeated after a 500: it may have been done. */
  fedisim_server_add_fault (f->server, "POST /api/v1/lists", FEDISIM_FAULT_STATUS, 500, 1);
  node = call (f, "POST", "/api/v1/lists", params, &post);
  g_assert_null (node);
  g_assert_error (post, FERRY_API_ERROR, FERRY_API_ERROR_SERVER);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "POST /api/v1/lists"), ==, 1);
  fedisim_server_clear_faults (f->server);

  fedisim_server_revoke_tokens (f->server, "alice");
  node = call (f, "GET", "/api/v1/accounts/verify_credentials", NULL, &revoked);
  g_assert_null (node);
  g_assert_error (revoked, FERRY_API_ERROR, FERRY_API_ERROR_AUTH);
  g_assert_nonnull (strstr (revoked->message, "The access token was revoked"));

  node = call (f, "GET", "/api/v1/accounts/1", NULL, &missing);
  g_assert_null (node);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  fedisim_server_add_fault (f->server, "GET /api/v1/preferences", FEDISIM_FAULT_LATENCY, 5000, 1);
  ferry_client_call_async (f->client, "GET", "/api/v1/preferences", NULL, cancellable,
                           ferry_test_got_result, &result);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ferry_client_call_finish (f->client, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_tls_and_network (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FerryClient) untrusting =
    ferry_client_new (fedisim_server_get_base_url (f->server), NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) tls = NULL;
  g_autoptr(GError) down = NULL;
  JsonNode *node;

  /* Without the run's CA the server is not trusted; there is nothing to turn that off. */
  ferry_client_call_async (untrusting, "GET", "/api/v1/instance", NULL, NULL, ferry_test_got_result,
                           &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ferry_client_call_finish (untrusting, result, NULL, &tls));
  g_assert_error (tls, FERRY_API_ERROR, FERRY_API_ERROR_TLS);

  fedisim_server_stop (f->server);
  node = call (f, "GET", "/api/v1/instance", NULL, &down);
  g_assert_null (node);
  g_assert_error (down, FERRY_API_ERROR, FERRY_API_ERROR_NETWORK);
  g_assert_nonnull (strstr (down->message, "refused"));
}
static void
test_probe (Fixture       *f,
            gconstpointer  data)
{
  struct {
    FedisimFlavour flavour;
    const char *version;
    const char *software;
    FerryMigrationKind migration;
    gboolean pkce;
    int api_version;
    gboolean import;
    gboolean domain_blocks;
    gboolean honours_move;
  } cases[] = {
    { FEDISIM_FLAVOUR_MASTODON, "4.2.10", "mastodon", FERRY_MIGRATION_MASTODON_WEB, FALSE, 0, FALSE,
      TRUE, TRUE },
    { FEDISIM_FLAVOUR_MASTODON, "4.3.0", "mastodon", FERRY_MIGRATION_MASTODON_WEB, TRUE, 2, FALSE,
      TRUE, TRUE },
    { FEDISIM_FLAVOUR_MASTODON, "4.5.0", "mastodon", FERRY_MIGRATION_MASTODON_WEB, TRUE, 7, FALSE,
      TRUE, TRUE },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.1", "gotosocial", FERRY_MIGRATION_GOTOSOCIAL_API, FALSE, 0,
      TRUE, FALSE, TRUE },
    { FEDISIM_FLAVOUR_AKKOMA, "3.15.2", "akkoma", FERRY_MIGRATION_AKKOMA_API, FALSE, 0, TRUE, TRUE,
      TRUE },
    { FEDISIM_FLAVOUR_LEGACY, "2.50", "snac", FERRY_MIGRATION_NONE, FALSE, 0, FALSE, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      FedisimServer *server =
        fedisim_world_add_server (f->world, cases[i].flavour, cases[i].version, &error);
      g_autoptr(FerryServerInfo) info = ferry_test_fixture_probe (f, server, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ferry_server_info_get_software (info), ==, cases[i].software);
      g_assert_cmpstr (ferry_server_info_get_version (info), ==, cases[i].version);
      g_assert_cmpint (ferry_server_info_get_migration_kind (info), ==, cases[i].migration);
      g_assert_cmpint (ferry_server_info_supports_pkce (info), ==, cases[i].pkce);
      g_assert_cmpint (ferry_server_info_get_api_version (info), ==, cases[i].api_version);
      g_assert_cmpint (ferry_server_info_has_import_api (info), ==, cases[i].import);
      g_assert_cmpint (ferry_server_info_has_domain_blocks (info), ==, cases[i].domain_blocks);
      g_assert_cmpint (ferry_server_info_honours_move (info), ==, cases[i].honours_move);
    }

  /* Reachable, but no NodeInfo and no API: not a Fediverse server. */
  {
    g_autoptr(GError) error = NULL;
    FedisimServer *server =
      fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
    g_autoptr(FerryServerInfo) info = NULL;

    fedisim_server_add_fault (server, "*", FEDISIM_FAULT_STATUS, 404, 0);
    info = ferry_test_fixture_probe (f, server, &error);
    g_assert_null (info);
    g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, "does not look like a Fediverse server"));
  }

  /* Down: the network's words. */
  {
    g_autoptr(GError) error = NULL;
    FedisimServer *server =
      fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
    g_autoptr(FerryServerInfo) info = NULL;

    fedisim_server_stop (server);
    info = ferry_test_fixture_probe (f, server, &error);
    g_assert_null (info);
    g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_NETWORK);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, ferry_test_fixture_setup, func, \
                                    ferry_test_fixture_teardown)
  ADD ("/client/pagination", test_pagination);
  ADD ("/client/budget", test_budget);
  ADD ("/client/waiting-frees-slot", test_waiting_frees_slot);
  ADD ("/client/real-429", test_real_429);
  ADD ("/client/injected-faults", test_injected_faults);
  ADD ("/client/errors", test_errors);
  ADD ("/client/cancel", test_cancel);
  ADD ("/client/tls-and-network", test_tls_and_network);
  ADD ("/client/probe", test_probe);
#undef ADD

  return g_test_run ();
}
