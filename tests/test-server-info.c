/* test-server-info.c: the probe against servers that lie, and what it says each server's API
 * shows
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two small recording HTTPS servers stand in for the probed server and for another host: each
 * keeps every request with its Authorization header, so the tests can say what must not
 * happen (the token anywhere, a request to the other host) as well as what must.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-server-info.h"
#include "ferry-tls-database.h"
#include "fedisim-private.h"

#define TOKEN "secret-token-of-alice"

typedef struct
{
  SoupServer *soup;
  char       *base_url;
  GPtrArray  *paths;          /* char*: every request's path */
  guint       with_token;     /* requests that carried an Authorization header */
  char       *nodeinfo_href;  /* what /.well-known/nodeinfo links to */
  gboolean    no_instance;    /* the instance API answers 404 */
} Sink;

static void
sink_reply (SoupServerMessage *msg,
            guint              status,
            const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
sink_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Sink *sink = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  g_ptr_array_add (sink->paths, g_strdup (path));
  if (soup_message_headers_get_one (headers, "Authorization") != NULL)
    sink->with_token++;

  if (g_str_equal (path, "/.well-known/nodeinfo") && sink->nodeinfo_href != NULL)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.0\","
        "\"href\":\"%s\"}]}", sink->nodeinfo_href);

      sink_reply (msg, 200, json);
    }
  else if (g_str_equal (path, "/nodeinfo/2.0"))
    sink_reply (msg, 200, "{\"version\":\"2.0\",\"software\":{\"name\":\"akkoma\","
                          "\"version\":\"3.15.2\"},\"protocols\":[\"activitypub\"]}");
  else if (g_str_has_prefix (path, "/api/v") && g_str_has_suffix (path, "/instance") &&
           !sink->no_instance)
    sink_reply (msg, 200, "{\"domain\":\"sink\",\"title\":\"sink\",\"version\":\"4.5.0\"}");
  else
    sink_reply (msg, 404, "{\"error\":\"Record not found\"}");
}

static Sink *
sink_new (FedisimWorld *world)
{
  Sink *sink = g_new0 (Sink, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  sink->paths = g_ptr_array_new_with_free_func (g_free);
  sink->soup = soup_server_new ("tls-certificate", world->certificate, NULL);
  soup_server_add_handler (sink->soup, NULL, sink_cb, sink, NULL);
  g_assert_true (soup_server_listen_local (sink->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY |
                                                          SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (sink->soup);
  sink->base_url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  return sink;
}

static void
sink_free (Sink *sink)
{
  soup_server_disconnect (sink->soup);
  g_object_unref (sink->soup);
  g_ptr_array_unref (sink->paths);
  g_free (sink->base_url);
  g_free (sink->nodeinfo_href);
  g_free (sink);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sink, sink_free)

static gboolean
sink_saw (Sink       *sink,
          const char *path)
{
  for (guint i = 0; i < sink->paths->len; i++)
    if (g_str_equal (g_ptr_array_index (sink->paths, i), path))
      return TRUE;
  return FALSE;
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Probes @base_url with a client that holds a token, as a backup's does. Bounded: 20 s. */
static FerryServerInfo *
probe (FedisimWorld  *world,
       const char    *base_url,
       GError       **error)
{
  g_autoptr(GTlsDatabase) trust = ferry_tls_database_new (fedisim_world_get_ca_file (world), NULL);
  g_autoptr(FerryClient) client = ferry_client_new (base_url, trust);
  g_autoptr(GAsyncResult) result = NULL;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, &timed_out);

  ferry_client_set_token (client, TOKEN);
  ferry_server_info_probe_async (client, NULL, got_result, &result);
  while (result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  return ferry_server_info_probe_finish (result, error);
}

static gboolean
notes_mention (FerryServerInfo *info,
               const char      *text)
{
  const char * const *notes = ferry_server_info_get_notes (info);

  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* NodeInfo links to "https://OURHOST:PORT@OTHER/nodeinfo/2.0": it starts with our base URL,
 * but its host is the other one. Not followed, no token anywhere; the probe falls back to the
 * instance API and says why. */
static void
test_nodeinfo_userinfo_href (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimWorld) world = fedisim_world_new (&error);
  g_autoptr(Sink) ours = sink_new (world);
  g_autoptr(Sink) other = sink_new (world);
  g_autoptr(FerryServerInfo) info = NULL;

  ours->nodeinfo_href = g_strdup_printf ("%s@%s/nodeinfo/2.0", ours->base_url,
                                         other->base_url + strlen ("https://"));
  info = probe (world, ours->base_url, &error);
  g_assert_no_error (error);

  /* What must not happen: the other host asked at all, or the token sent anywhere. */
  g_assert_cmpuint (other->with_token, ==, 0);
  g_assert_cmpuint (other->paths->len, ==, 0);
  g_assert_cmpuint (ours->with_token, ==, 0);
  g_assert_false (sink_saw (ours, "/nodeinfo/2.0"));

  /* The instance API said what it is; the link is named in a note. */
  g_assert_cmpstr (ferry_server_info_get_software (info), ==, "mastodon");
  g_assert_true (notes_mention (info, "points to another server"));
  g_assert_true (notes_mention (info, other->base_url + strlen ("https://")));
}

/* Other hosts, ports and schemes are not followed either; without an instance API the probe
 * fails and says why. */
static void
test_nodeinfo_foreign_href (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimWorld) world = fedisim_world_new (&error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Sink) ours = sink_new (world);
      g_autoptr(Sink) other = sink_new (world);
      g_autoptr(FerryServerInfo) info = NULL;
      g_autoptr(GError) probe_error = NULL;

      /* The other server; our own port in clear; the other one without a scheme. */
      if (i == 0)
        ours->nodeinfo_href = g_strdup_printf ("%s/nodeinfo/2.0", other->base_url);
      else if (i == 1)
        ours->nodeinfo_href = g_strdup_printf ("http://127.0.0.1:%s/nodeinfo/2.0",
                                               strrchr (ours->base_url, ':') + 1);
      else
        ours->nodeinfo_href = g_strdup_printf ("//%s/nodeinfo/2.0",
                                               other->base_url + strlen ("https://"));
      ours->no_instance = TRUE;
      info = probe (world, ours->base_url, &probe_error);

      g_test_message ("%s: %s", ours->nodeinfo_href, probe_error ? probe_error->message : "?");
      g_assert_null (info);
      g_assert_error (probe_error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
      g_assert_nonnull (strstr (probe_error->message, "points to another server"));
      g_assert_cmpuint (other->paths->len, ==, 0);
      g_assert_cmpuint (ours->with_token + other->with_token, ==, 0);
      g_assert_false (sink_saw (ours, "/nodeinfo/2.0"));
    }
}

/* A link on the same origin (the port written out, a query) is followed, without the token. */
static void
test_nodeinfo_same_origin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimWorld) world = fedisim_world_new (&error);
  g_autoptr(Sink) ours = sink_new (world);
  g_autoptr(FerryServerInfo) info = NULL;

  ours->nodeinfo_href = g_strdup_printf ("HTTPS://127.0.0.1:%s/nodeinfo/2.0?x=1",
                                         strrchr (ours->base_url, ':') + 1);
  info = probe (world, ours->base_url, &error);
  g_assert_no_error (error);
  g_assert_true (sink_saw (ours, "/nodeinfo/2.0"));
  g_assert_cmpstr (ferry_server_info_get_software (info), ==, "akkoma");
  g_assert_cmpuint (ours->with_token, ==, 0);
  g_assert_null (ferry_server_info_get_notes (info)[0]);
}

/* snac: what its API shows and does not, as its source says (snac2 mastoapi.c), against
 * fedisim's snac flavour answering the same. */
static void
test_snac_coverage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimWorld) world = fedisim_world_new (&error);
  FedisimServer *server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_LEGACY, NULL, &error);
  g_autoptr(FerryServerInfo) info = NULL;
  g_autoptr(FerryServerInfo) gts = NULL;

  g_assert_no_error (error);
  info = probe (world, fedisim_server_get_base_url (server), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_server_info_get_software (info), ==, "snac");
  g_assert_false (ferry_server_info_has_domain_blocks (info));
  g_assert_cmpint (ferry_server_info_get_coverage (info, "domain_blocks"), ==, FERRY_API_MISSING);
  g_assert_cmpint (ferry_server_info_get_coverage (info, "mutes"), ==, FERRY_API_MISSING);
  g_assert_cmpint (ferry_server_info_get_coverage (info, "followers"), ==, FERRY_API_HIDDEN);
  g_assert_cmpint (ferry_server_info_get_coverage (info, "blocks"), ==, FERRY_API_HIDDEN);
  g_assert_cmpint (ferry_server_info_get_coverage (info, "following"), ==, FERRY_API_SHOWN);
  g_assert_cmpint (ferry_server_info_get_coverage (info, "bookmarks"), ==, FERRY_API_SHOWN);
  g_assert_false (ferry_server_info_shows_counts (info));
  g_assert_false (ferry_server_info_shows_moved (info));

  /* Without NodeInfo, snac's instance version says what it is (snac2 mastoapi.c). */
  {
    g_autoptr(JsonNode) instance = json_from_string ("{\"version\":\"4.0.0 (not true; really "
                                                     "snac/2.94)\"}", NULL);
    g_autoptr(FerryServerInfo) bare = ferry_server_info_new_from_json ("snac.example", NULL,
                                                                       instance, NULL);

    g_assert_cmpstr (ferry_server_info_get_software (bare), ==, "snac");
    g_assert_cmpstr (ferry_server_info_get_version (bare), ==, "2.94");
    g_assert_false (ferry_server_info_has_domain_blocks (bare));
    g_assert_cmpint (ferry_server_info_get_coverage (bare, "mutes"), ==, FERRY_API_MISSING);
  }
  {
    g_autoptr(JsonNode) instance = json_from_string ("{\"version\":\"4.0.0 (not true; really "
                                                     "snac/2.95)\"}", NULL);
    g_autoptr(FerryServerInfo) bare = ferry_server_info_new_from_json ("snac.example", NULL,
                                                                       instance, NULL);

    g_assert_cmpint (ferry_server_info_get_coverage (bare, "mutes"), ==, FERRY_API_HIDDEN);
  }

  /* Mastodon shows everything; GoToSocial has no domain blocks. */
  {
    FedisimServer *mastodon = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, NULL,
                                                        &error);
    g_autoptr(FerryServerInfo) m = probe (world, fedisim_server_get_base_url (mastodon), &error);

    g_assert_no_error (error);
    g_assert_cmpint (ferry_server_info_get_coverage (m, "followers"), ==, FERRY_API_SHOWN);
    g_assert_cmpint (ferry_server_info_get_coverage (m, "domain_blocks"), ==, FERRY_API_SHOWN);
    g_assert_true (ferry_server_info_shows_counts (m));
    g_assert_true (ferry_server_info_shows_moved (m));
  }
  gts = probe (world, fedisim_server_get_base_url (
                 fedisim_world_add_server (world, FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.2", &error)),
               &error);
  g_assert_no_error (error);
  g_assert_cmpint (ferry_server_info_get_coverage (gts, "domain_blocks"), ==, FERRY_API_MISSING);
  g_assert_cmpint (ferry_server_info_get_coverage (gts, "followers"), ==, FERRY_API_SHOWN);
}

/* The same through fedisim: a Mastodon server whose NodeInfo links, by the userinfo trick, to
 * a second fedisim server (GoToSocial). The second one is never asked. */
static void
test_fedisim_nodeinfo_href (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimWorld) world = fedisim_world_new (&error);
  FedisimServer *ours = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  FedisimServer *other = fedisim_world_add_server (world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, &error);
  g_autofree char *href = NULL;
  g_autoptr(FerryServerInfo) info = NULL;

  g_assert_no_error (error);
  href = g_strdup_printf ("%s@%s/nodeinfo/2.0", fedisim_server_get_base_url (ours),
                          fedisim_server_get_host (other));
  fedisim_server_set_nodeinfo_href (ours, href);
  info = probe (world, fedisim_server_get_base_url (ours), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fedisim_server_answer_count (other), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (ours, "GET /nodeinfo/2.0"), ==, 0);
  g_assert_cmpstr (ferry_server_info_get_software (info), ==, "mastodon");
  g_assert_cmpstr (ferry_server_info_get_version (info), ==, "4.5.0");
  g_assert_true (notes_mention (info, "points to another server"));
}

typedef struct
{
  JsonNode *node;
  GError   *error;
  gboolean  done;
} Call;

static void
call_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &call->error);
  call->done = TRUE;
}

/* One API call as alice, bounded. Returns the answer, or NULL with the error's code. */
static JsonNode *
call_api (FerryClient *client,
          const char  *path,
          int         *code)
{
  Call call = { 0 };
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, &timed_out);

  ferry_client_call_async (client, "GET", path, NULL, NULL, call_done, &call);
  while (!call.done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  *code = call.error ? call.error->code : -1;
  g_clear_error (&call.error);
  return call.node;
}

static guint
array_length (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_length (json_node_get_array (node));
}

/* fedisim's snac flavour has snac's gaps (snac2 mastoapi.c), while the account has the data:
 * Mastodon's flavour, seeded the same, shows it. */
static void
test_fedisim_snac_gaps (gconstpointer data)
{
  FedisimFlavour flavour = GPOINTER_TO_INT (data) & 0xff;
  gboolean gaps_off = (GPOINTER_TO_INT (data) & 0x100) != 0;
  gboolean snac = flavour == FEDISIM_FLAVOUR_LEGACY && !gaps_off;
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimWorld) world = fedisim_world_new (&error);
  FedisimServer *server = fedisim_world_add_server (world, flavour, NULL, &error);
  FedisimServer *other = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
  g_autoptr(GTlsDatabase) trust = ferry_tls_database_new (fedisim_world_get_ca_file (world), NULL);
  g_autoptr(FerryClient) client = ferry_client_new (fedisim_server_get_base_url (server), trust);
  g_autofree char *token = NULL;
  g_autofree char *followers = NULL;
  g_autofree char *search = NULL;
  g_autofree char *handle = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *account;
  FsActor *alice;
  int code;

  g_assert_no_error (error);
  if (gaps_off)
    fedisim_server_set_api_gaps (server, FALSE);
  fedisim_server_add_user (server, "alice", "pw");
  fedisim_server_seed_fixture (server, "alice", "small");
  token = fedisim_server_issue_token (server, "alice", "read write follow");
  ferry_client_set_token (client, token);
  alice = fs_server_find_local (server, "alice");
  g_assert_cmpuint (alice->followers->len, >, 0);
  g_assert_cmpuint (alice->blocks->len, >, 0);
  g_assert_cmpuint (alice->mutes->len, >, 0);
  g_assert_cmpuint (alice->domain_blocks->len, >, 0);
  /* No header picture. */
  g_clear_pointer (&alice->header, g_bytes_unref);

  /* verify_credentials: every count 0 on snac; no header is "". */
  me = call_api (client, "/api/v1/accounts/verify_credentials", &code);
  g_assert_nonnull (me);
  account = json_node_get_object (me);
  g_assert_cmpint (json_object_get_int_member (account, "followers_count") == 0, ==, snac);
  g_assert_cmpint (json_object_get_int_member (account, "following_count") == 0, ==, snac);
  g_assert_cmpint (json_object_get_int_member (account, "statuses_count") == 0, ==, snac);
  g_assert_cmpint (g_str_equal (json_object_get_string_member (account, "header"), ""), ==, snac);

  /* Followers and blocks: [] on snac; mutes and domain blocks: 404. */
  followers = g_strdup_printf ("/api/v1/accounts/%s/followers",
                               json_object_get_string_member (account, "id"));
  node = call_api (client, followers, &code);
  g_assert_cmpint (array_length (node) == 0, ==, snac);
  g_clear_pointer (&node, json_node_unref);
  node = call_api (client, "/api/v1/blocks", &code);
  g_assert_cmpint (array_length (node) == 0, ==, snac);
  g_clear_pointer (&node, json_node_unref);
  node = call_api (client, "/api/v1/accounts/verify_credentials", &code);
  g_clear_pointer (&node, json_node_unref);
  for (guint i = 0; i < 2; i++)
    {
      node = call_api (client, i == 0 ? "/api/v1/mutes" : "/api/v1/domain_blocks", &code);
      if (snac)
        {
          g_assert_null (node);
          g_assert_cmpint (code, ==, FERRY_API_ERROR_NOT_FOUND);
        }
      else
        g_assert_cmpuint (array_length (node), >, 0);
      g_clear_pointer (&node, json_node_unref);
    }

  /* A remote account that moved: snac's search shows no "moved". */
  fedisim_server_add_user (other, "old", "pw");
  fedisim_server_add_user (other, "new", "pw");
  fs_actor_move (fs_server_find_local (other, "old"), fs_server_find_local (other, "new"));
  handle = g_strdup_printf ("old@%s", fedisim_server_get_host (other));
  search = g_strdup_printf ("/api/v2/search?q=%s&resolve=true&type=accounts", handle);
  node = call_api (client, search, &code);
  g_assert_nonnull (node);
  {
    JsonArray *accounts = json_object_get_array_member (json_node_get_object (node), "accounts");

    g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
    g_assert_cmpint (json_object_has_member (json_array_get_object_element (accounts, 0), "moved"),
                     ==, !snac);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server-info/nodeinfo/userinfo-href", test_nodeinfo_userinfo_href);
  g_test_add_func ("/server-info/nodeinfo/foreign-href", test_nodeinfo_foreign_href);
  g_test_add_func ("/server-info/nodeinfo/same-origin", test_nodeinfo_same_origin);
  g_test_add_func ("/server-info/snac-coverage", test_snac_coverage);
  g_test_add_func ("/server-info/fedisim/nodeinfo-href", test_fedisim_nodeinfo_href);
  g_test_add_data_func ("/server-info/fedisim/snac-gaps", GINT_TO_POINTER (FEDISIM_FLAVOUR_LEGACY),
                        test_fedisim_snac_gaps);
  g_test_add_data_func ("/server-info/fedisim/mastodon-shows",
                        GINT_TO_POINTER (FEDISIM_FLAVOUR_MASTODON), test_fedisim_snac_gaps);
  g_test_add_data_func ("/server-info/fedisim/snac-gaps-off",
                        GINT_TO_POINTER (FEDISIM_FLAVOUR_LEGACY | 0x100), test_fedisim_snac_gaps);

  return g_test_run ();
}
