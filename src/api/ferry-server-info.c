/* ferry-server-info.c: what a server is and what it lets Ferry do
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From NodeInfo (software and version), /api/v2/instance or /api/v1/instance (version
 * strings, api_versions, limits) and /.well-known/oauth-authorization-server (PKCE, scopes):
 * api-facts §2.
 */

#define G_LOG_DOMAIN "ferry-server-info"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-handle.h"
#include "ferry-origin.h"
#include "ferry-tls-database.h"
#include "ferry-server-info.h"

struct _FerryServerInfo
{
  GObject             parent_instance;

  char               *host;
  char               *software;      /* as NodeInfo says: "mastodon", "gotosocial"… */
  char               *version;
  char               *title;
  int                 api_version;
  gboolean            pkce;
  FerryMigrationKind  migration;
  guint               max_fields;
  guint               max_display_name;
  guint               max_note;
  guint               max_featured_tags;
  guint               max_characters;
  guint               max_pinned;
  GPtrArray          *notes;         /* char*: what the probe could not know, in sentences */
};

G_DEFINE_FINAL_TYPE (FerryServerInfo, ferry_server_info, G_TYPE_OBJECT)

static void
ferry_server_info_finalize (GObject *object)
{
  FerryServerInfo *self = FERRY_SERVER_INFO (object);

  g_free (self->host);
  g_free (self->software);
  g_free (self->version);
  g_free (self->title);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (ferry_server_info_parent_class)->finalize (object);
}

static void
ferry_server_info_class_init (FerryServerInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_server_info_finalize;
}

static void
ferry_server_info_init (FerryServerInfo *self)
{
  self->notes = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/* Takes @note. */
static void
add_note (FerryServerInfo *self,
          char            *note)
{
  g_ptr_array_add (self->notes, note);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
int_member (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static gboolean
array_has_string (JsonObject *object,
                  const char *name,
                  const char *value)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (element), value))
        return TRUE;
    }
  return FALSE;
}

/* "2.7.2 (compatible; Akkoma 3.15.2)" → "akkoma", "3.15.2"; snac's "4.0.0 (not true; really
 * snac/2.94)" (snac2 mastoapi.c, "/v1/instance") → "snac", "2.94". */
static gboolean
parse_compatible (const char  *version,
                  char       **software,
                  char       **real_version)
{
  const char *start = version ? strstr (version, "(compatible; ") : NULL;
  const char *really = version ? strstr (version, "(not true; really ") : NULL;
  g_autofree char *inside = NULL;
  char *space;

  if (start != NULL)
    inside = g_strndup (start + 13, strcspn (start + 13, ")"));
  else if (really != NULL)
    inside = g_strndup (really + 18, strcspn (really + 18, ")"));
  else
    return FALSE;
  space = strchr (inside, start != NULL ? ' ' : '/');
  if (space == NULL || space == inside)
    return FALSE;
  *space = '\0';
  *software = g_ascii_strdown (inside, -1);
  *real_version = g_strdup (space + 1);
  return TRUE;
}

static int
compare_versions (const char *a,
                  const char *b)
{
  g_auto(GStrv) pa = g_strsplit_set (a ? a : "0", ".-+ ", 4);
  g_auto(GStrv) pb = g_strsplit_set (b, ".-+ ", 4);

  for (guint i = 0; i < 3; i++)
    {
      gint64 x = pa[0] && i < g_strv_length (pa) ? g_ascii_strtoll (pa[i], NULL, 10) : 0;
      gint64 y = i < g_strv_length (pb) ? g_ascii_strtoll (pb[i], NULL, 10) : 0;

      if (x != y)
        return x < y ? -1 : 1;
    }
  return 0;
}

/**
 * ferry_server_info_new_from_json:
 * @nodeinfo: (nullable): the NodeInfo 2.x document
 * @instance: (nullable): /api/v2/instance, or /api/v1/instance where there is no v2
 * @oauth_metadata: (nullable): /.well-known/oauth-authorization-server
 *
 * Works out what the server is from what it published. Pure: no network.
 */
FerryServerInfo *
ferry_server_info_new_from_json (const char *host,
                                 JsonNode   *nodeinfo,
                                 JsonNode   *instance,
                                 JsonNode   *oauth_metadata)
{
  FerryServerInfo *self = g_object_new (FERRY_TYPE_SERVER_INFO, NULL);
  JsonObject *ni =
    nodeinfo && JSON_NODE_HOLDS_OBJECT (nodeinfo) ? json_node_get_object (nodeinfo) : NULL;
  JsonObject *in =
    instance && JSON_NODE_HOLDS_OBJECT (instance) ? json_node_get_object (instance) : NULL;
  JsonObject *oauth = oauth_metadata && JSON_NODE_HOLDS_OBJECT (oauth_metadata)
                        ? json_node_get_object (oauth_metadata) : NULL;
  JsonObject *software = object_member (ni, "software");
  JsonObject *accounts = object_member (object_member (in, "configuration"), "accounts");
  const char *instance_version = string_member (in, "version");
  g_autofree char *compat_software = NULL;
  g_autofree char *compat_version = NULL;

  self->host = g_strdup (host);
  self->software = g_ascii_strdown (string_member (software, "name") ?: "", -1);
  self->version = g_strdup (string_member (software, "version"));
  self->title = g_strdup (string_member (in, "title"));
  self->api_version = (int) int_member (object_member (in, "api_versions"), "mastodon", 0);

  /* Without NodeInfo, the instance's version string tells Pleroma-family and GoToSocial. */
  if (parse_compatible (instance_version, &compat_software, &compat_version) &&
      self->software[0] == '\0')
    {
      g_free (self->software);
      self->software = g_steal_pointer (&compat_software);
      g_free (self->version);
      self->version = g_steal_pointer (&compat_version);
    }
  if (self->software[0] == '\0' && instance_version != NULL)
    {
      g_free (self->software);
      self->software = g_strdup ("mastodon");
      g_free (self->version);
      self->version = g_strdup (instance_version);
    }
  if (self->version == NULL)
    self->version = g_strdup (instance_version ? instance_version : "");

  self->pkce = array_has_string (oauth, "code_challenge_methods_supported", "S256");

  if (g_str_equal (self->software, "mastodon"))
    self->migration = FERRY_MIGRATION_MASTODON_WEB;
  else if (g_str_equal (self->software, "gotosocial"))
    self->migration = compare_versions (self->version, "0.14.0") >= 0
                        ? FERRY_MIGRATION_GOTOSOCIAL_API
                        : FERRY_MIGRATION_NONE;
  else if (g_str_equal (self->software, "akkoma") || g_str_equal (self->software, "pleroma"))
    self->migration = FERRY_MIGRATION_AKKOMA_API;
  else if (g_str_equal (self->software, "misskey") || g_str_equal (self->software, "sharkey") ||
           g_str_equal (self->software, "iceshrimp") || g_str_equal (self->software, "cherrypick"))
    self->migration = FERRY_MIGRATION_MISSKEY;
  else
    self->migration = FERRY_MIGRATION_NONE;

  /* Limits: published from Mastodon 4.6; before, the documented constants (api-facts §2.2). */
  self->max_fields = (guint) int_member (accounts, "max_profile_fields",
                                         g_str_equal (self->software, "gotosocial") ? 6 : 4);
  self->max_display_name =
    (guint) int_member (accounts, "max_display_name_length",
                        g_str_equal (self->software, "gotosocial") ? 100 : 30);
  self->max_note = (guint) int_member (accounts, "max_note_length", 500);
  self->max_featured_tags = (guint) int_member (accounts, "max_featured_tags", 10);
  /* A post's length and the pins: where the instance does not say, each software's default
   * (community-facts §3.1, §3.3: Mastodon 500 and 5, GoToSocial 10 pins, Akkoma 1). */
  self->max_characters =
    (guint) int_member (object_member (object_member (in, "configuration"), "statuses"),
                        "max_characters", 500);
  self->max_pinned =
    (guint) int_member (accounts, "max_pinned_statuses",
                        g_str_equal (self->software, "gotosocial") ? 10
                        : g_str_equal (self->software, "akkoma") ||
                          g_str_equal (self->software, "pleroma") ? 1 : 5);

  return self;
}

typedef struct
{
  FerryClient *client;       /* the probe's own, without a token */
  char        *host;         /* the caller's client's, for messages */
  JsonNode    *nodeinfo;
  JsonNode    *instance;
  JsonNode    *oauth;
  GError      *instance_error;
  GError      *nodeinfo_error;
  char        *refused_href; /* a NodeInfo link to somewhere else, not followed */
  guint        pending;
} Probe;

static void
probe_free (Probe *probe)
{
  g_clear_object (&probe->client);
  g_free (probe->host);
  g_free (probe->refused_href);
  g_clear_pointer (&probe->nodeinfo, json_node_unref);
  g_clear_pointer (&probe->instance, json_node_unref);
  g_clear_pointer (&probe->oauth, json_node_unref);
  g_clear_error (&probe->instance_error);
  g_clear_error (&probe->nodeinfo_error);
  g_free (probe);
}

static void
probe_step_done (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);
  const char *host = probe->host;

  if (--probe->pending > 0)
    {
      g_object_unref (task);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    ;
  else if (probe->instance == NULL && probe->nodeinfo == NULL)
    {
      GError *cause = probe->instance_error ? probe->instance_error : probe->nodeinfo_error;

      /* Unreachable, untrusted, offline: the transport's own words. Reachable but not
       * answering like a Fediverse server: say so. */
      if (cause != NULL
          && (cause->code == FERRY_API_ERROR_NETWORK || cause->code == FERRY_API_ERROR_TLS))
        g_task_return_error (task, g_error_copy (cause));
      else if (probe->refused_href != NULL)
        g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                 /* Translators: the first %s is a server, the second an address */
                                 _("%s does not answer as Mastodon-compatible servers do, and "
                                   "what it says about itself points to another server (%s): "
                                   "Ferry did not follow it."),
                                 host, probe->refused_href);
      else
        g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED,
                                 _("%s does not look like a Fediverse server: it does not answer "
                                   "as Mastodon, GoToSocial, Akkoma and similar servers do. Check "
                                   "the address."), host);
    }
  else
    {
      FerryServerInfo *info = ferry_server_info_new_from_json (host, probe->nodeinfo,
                                                               probe->instance, probe->oauth);

      if (probe->refused_href != NULL)
        add_note (info, g_strdup_printf (_("The server’s NodeInfo points to another server (%s): "
                                           "Ferry did not follow it, and read what the server is "
                                           "from its API instead."), probe->refused_href));
      g_task_return_pointer (task, info, g_object_unref);
    }
  g_object_unref (task);
}

static void
oauth_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Probe *probe = g_task_get_task_data (task);

  /* Only 4.3+ publish it; a 404 is an answer too. */
  probe->oauth = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, NULL);
  probe_step_done (task);
}

static void
instance_v1_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Probe *probe = g_task_get_task_data (task);

  g_clear_error (&probe->instance_error);
  probe->instance = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                              &probe->instance_error);
  probe_step_done (task);
}

static void
instance_v2_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Probe *probe = g_task_get_task_data (task);

  probe->instance = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                              &probe->instance_error);
  if (probe->instance == NULL &&
      g_error_matches (probe->instance_error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    {
      /* Before Mastodon 4.0, and on Akkoma: the v1 instance. */
      ferry_client_call_async (probe->client, "GET", "/api/v1/instance", NULL,
                               g_task_get_cancellable (task), instance_v1_cb, task);
      return;
    }
  probe_step_done (task);
}

static void
nodeinfo_doc_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Probe *probe = g_task_get_task_data (task);

  probe->nodeinfo = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                              &probe->nodeinfo_error);
  probe_step_done (task);
}

/* @href's path and query when it is on @base_url's origin: https, the same host and port, and
 * nothing before the host ("https://ourhost:PORT@other/" is "other"). Otherwise %NULL. A prefix
 * check is not enough: "https://host.evil/" starts with "https://host". */
static char *
same_origin_path (const char *base_url,
                  const char *href)
{
  g_autoptr(GUri) base = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);
  const char *path;

  if (!ferry_origin_equal (base, uri))
    return NULL;
  path = g_uri_get_path (uri);
  if (path[0] != '/')
    return NULL;
  return g_uri_get_query (uri) ? g_strconcat (path, "?", g_uri_get_query (uri), NULL)
                               : g_strdup (path);
}

static void
nodeinfo_links_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Probe *probe = g_task_get_task_data (task);
  g_autoptr(JsonNode) links = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                        &probe->nodeinfo_error);
  JsonNode *array_node = NULL;
  const char *href = NULL;

  if (links != NULL && JSON_NODE_HOLDS_OBJECT (links))
    array_node = json_object_get_member (json_node_get_object (links), "links");
  if (array_node != NULL && JSON_NODE_HOLDS_ARRAY (array_node))
    {
      JsonArray *array = json_node_get_array (array_node);

      /* The newest schema 2.x offered. */
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *link = json_array_get_object_element (array, i);
          const char *rel = link ? string_member (link, "rel") : NULL;

          if (rel && g_str_has_prefix (rel, "http://nodeinfo.diaspora.software/ns/schema/2."))
            href = string_member (link, "href");
        }
    }

  if (href != NULL)
    {
      g_autofree char *path = same_origin_path (ferry_client_get_base_url (probe->client), href);

      if (path != NULL)
        {
          /* Only the path goes to the client: the request cannot leave the server. */
          ferry_client_call_async (probe->client, "GET", path, NULL, g_task_get_cancellable (task),
                                   nodeinfo_doc_cb, task);
          return;
        }
      g_debug ("NodeInfo of %s points elsewhere; not followed", probe->host);
      probe->refused_href = g_strdup (href);
    }
  probe_step_done (task);
}

/**
 * ferry_server_info_probe_async:
 *
 * Asks the server what it is: NodeInfo, the instance API and the OAuth metadata, side by side.
 */
void
ferry_server_info_probe_async (FerryClient         *client,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Probe *probe;

  g_return_if_fail (FERRY_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_server_info_probe_async);
  probe = g_new0 (Probe, 1);
  /* What a server is, is public: the probe never sends the token (a NodeInfo link, or any
   * answer, cannot make it go anywhere). Its own client has none. */
  probe->client = ferry_client_new (ferry_client_get_base_url (client),
                                    ferry_client_get_tls_database (client));
  probe->host = g_strdup (ferry_client_get_host (client));
  probe->pending = 3;
  g_task_set_task_data (task, probe, (GDestroyNotify) probe_free);

  ferry_client_call_async (probe->client, "GET", "/.well-known/nodeinfo", NULL, cancellable,
                           nodeinfo_links_cb, g_object_ref (task));
  ferry_client_call_async (probe->client, "GET", "/api/v2/instance", NULL, cancellable,
                           instance_v2_cb, g_object_ref (task));
  ferry_client_call_async (probe->client, "GET", "/.well-known/oauth-authorization-server", NULL,
                           cancellable, oauth_cb, g_object_ref (task));
  g_object_unref (task);
}

static void
probed_text_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  FerryServerInfo *info = ferry_server_info_probe_finish (result, &error);

  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, g_object_unref);
}

/**
 * ferry_server_info_probe_text_async:
 * @server: what a person typed: a server, or an account on it, in any form
 * @tls_database: (nullable): what to trust; %NULL for the system's store and $FERRY_CA_FILE
 *
 * Like ferry_server_info_probe_async(), from text; a handle that cannot be read is an
 * error in %FERRY_HANDLE_ERROR. Finish with ferry_server_info_probe_finish().
 */
void
ferry_server_info_probe_text_async (const char          *server,
                                    GTlsDatabase        *tls_database,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryHandle) handle =
    ferry_handle_parse (server, FERRY_HANDLE_PARSE_SERVER_ONLY, &error);
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(FerryClient) client = NULL;
  g_autofree char *base_url = NULL;

  g_task_set_source_tag (task, ferry_server_info_probe_text_async);
  if (handle != NULL)
    trust = tls_database ? g_object_ref (tls_database) : ferry_tls_database_get_default (&error);
  if (handle == NULL || trust == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  base_url = ferry_handle_get_base_url (handle);
  client = ferry_client_new (base_url, trust);
  ferry_server_info_probe_async (client, cancellable, probed_text_cb, g_steal_pointer (&task));
}

/**
 * ferry_server_info_probe_finish:
 *
 * Returns: (transfer full): what the server is, or %NULL with @error
 */
FerryServerInfo *
ferry_server_info_probe_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
ferry_server_info_get_host (FerryServerInfo *self)
{
  return self->host;
}

const char *
ferry_server_info_get_software (FerryServerInfo *self)
{
  return self->software;
}

/* The software's name as people write it. */
const char *
ferry_server_info_get_software_name (FerryServerInfo *self)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "mastodon", "Mastodon" }, { "gotosocial", "GoToSocial" }, { "akkoma", "Akkoma" },
    { "pleroma", "Pleroma" }, { "misskey", "Misskey" }, { "sharkey", "Sharkey" },
    { "iceshrimp", "Iceshrimp" }, { "hollo", "Hollo" }, { "snac", "snac" },
    { "friendica", "Friendica" }, { "pixelfed", "Pixelfed" }, { "hometown", "Hometown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (self->software, names[i].id))
      return names[i].name;
  return self->software[0] ? self->software : _("Unknown software");
}

const char *
ferry_server_info_get_version (FerryServerInfo *self)
{
  return self->version;
}

const char *
ferry_server_info_get_title (FerryServerInfo *self)
{
  return self->title;
}

int
ferry_server_info_get_api_version (FerryServerInfo *self)
{
  return self->api_version;
}

gboolean
ferry_server_info_supports_pkce (FerryServerInfo *self)
{
  return self->pkce;
}

FerryMigrationKind
ferry_server_info_get_migration_kind (FerryServerInfo *self)
{
  return self->migration;
}

/* GoToSocial ≥ 0.17 (following, blocks; mutes from 0.19) and the Pleroma family. */
gboolean
ferry_server_info_has_import_api (FerryServerInfo *self)
{
  if (g_str_equal (self->software, "gotosocial"))
    return compare_versions (self->version, "0.17.0") >= 0;
  return self->migration == FERRY_MIGRATION_AKKOMA_API;
}

/* The kinds of data whose coverage is known to differ somewhere; the rest are shown. */
static const char *categories[] = {
  "following", "followers", "blocks", "mutes", "domain_blocks", "endorsements", "favourites",
  "filters", "featured_tags", "followed_tags",
};

/**
 * ferry_server_info_get_coverage:
 * @category: "following", "followers", "blocks", "mutes", "domain_blocks", "endorsements",
 *   "favourites", "filters", "featured_tags", "followed_tags", or any other kind (shown, as far
 *   as known)
 *
 * Whether the server's API shows @category, per software and version as the server's source
 * says: so that callers can say "this server's API does not show X" instead of backing up
 * nothing as if complete, or calling an endpoint that is not there.
 */
FerryApiCoverage
ferry_server_info_get_coverage (FerryServerInfo *self,
                                const char      *category)
{
  g_return_val_if_fail (FERRY_IS_SERVER_INFO (self), FERRY_API_SHOWN);
  g_return_val_if_fail (category != NULL, FERRY_API_SHOWN);

  if (g_str_equal (self->software, "snac"))
    {
      /* snac2 mastoapi.c, mastoapi_get_handler(): accounts/:id/followers is "out =
       * xs_list_new ()" (following is listed); /v1/blocks is "[]"; /v1/favourites "[]" ("snac
       * will never support a list of favourites"); /v1/filters "[]"; accounts/:id/featured_tags
       * "[]". No /v1/domain_blocks and no /v1/endorsements handler: 404. /v1/mutes: "[]" in
       * the 2.95 source, 404 on 2.94 as observed (observed-servers.md): either way, not shown. */
      if (g_str_equal (category, "followers") || g_str_equal (category, "blocks") ||
          g_str_equal (category, "favourites") || g_str_equal (category, "filters") ||
          g_str_equal (category, "featured_tags"))
        return FERRY_API_HIDDEN;
      if (g_str_equal (category, "mutes"))
        return compare_versions (self->version, "2.95") >= 0 ? FERRY_API_HIDDEN : FERRY_API_MISSING;
      if (g_str_equal (category, "domain_blocks") || g_str_equal (category, "endorsements"))
        return FERRY_API_MISSING;
      return FERRY_API_SHOWN;
    }
  if (g_str_equal (self->software, "gotosocial"))
    {
      /* No user domain blocks (api-facts §8) and no endorsements: 404 (observed-servers.md). */
      if (g_str_equal (category, "domain_blocks") || g_str_equal (category, "endorsements"))
        return FERRY_API_MISSING;
    }
  if ((g_str_equal (self->software, "mastodon") || g_str_equal (self->software, "hometown")) &&
      self->version != NULL && self->version[0] != '\0' &&
      compare_versions (self->version, "4.0.0") < 0)
    {
      /* /api/v1/followed_tags and /api/v2/filters came with Mastodon 4.0 (api-facts). */
      if (g_str_equal (category, "followed_tags") || g_str_equal (category, "filters"))
        return FERRY_API_MISSING;
    }
  return FERRY_API_SHOWN;
}

/* Whether there is an API for the account's blocked servers: not on GoToSocial (api-facts §8)
 * nor on snac (404). */
gboolean
ferry_server_info_has_domain_blocks (FerryServerInfo *self)
{
  return ferry_server_info_get_coverage (self, "domain_blocks") == FERRY_API_SHOWN;
}

/* Whether verify_credentials' followers_count, following_count and statuses_count are real.
 * snac2 mastoapi.c credentials_get(): all three are "xs_stock (0)" (followers and following
 * only with the user's show_contact_metrics). */
gboolean
ferry_server_info_shows_counts (FerryServerInfo *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_INFO (self), TRUE);

  return !g_str_equal (self->software, "snac");
}

/* Whether the API says an account has moved ("moved"). snac2 mastoapi.c mastoapi_account()
 * builds no "moved" member: read movedTo from the ActivityPub actor there. */
gboolean
ferry_server_info_shows_moved (FerryServerInfo *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_INFO (self), TRUE);

  return !g_str_equal (self->software, "snac");
}

/**
 * ferry_server_info_get_notes:
 *
 * Returns: (transfer none): sentences on what the probe refused or could not learn
 *   (a NodeInfo link to another server), %NULL-terminated; empty when nothing
 */
const char * const *
ferry_server_info_get_notes (FerryServerInfo *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (FERRY_IS_SERVER_INFO (self), NULL);

  /* An empty array may have no storage yet. */
  return self->notes->pdata ? (const char * const *) self->notes->pdata : none;
}

/* Whether followers here follow a Move: snac before 2.61 ignores it, as does software with
 * no Move support known. */
gboolean
ferry_server_info_honours_move (FerryServerInfo *self)
{
  if (g_str_equal (self->software, "snac"))
    return compare_versions (self->version, "2.61") >= 0;
  return self->migration != FERRY_MIGRATION_NONE || g_str_equal (self->software, "hometown") ||
         g_str_equal (self->software, "hollo");
}

/* Days an account that moved must wait before it may move again, as far as known (0):
 * Mastodon and its forks 30 (AccountMigration::COOLDOWN_PERIOD), GoToSocial 7
 * (api-facts §0.4, §10). */
guint
ferry_server_info_get_move_cooldown (FerryServerInfo *self)
{
  if (g_str_equal (self->software, "mastodon") || g_str_equal (self->software, "hometown"))
    return 30;
  if (g_str_equal (self->software, "gotosocial"))
    return 7;
  return 0;
}

guint
ferry_server_info_get_max_profile_fields (FerryServerInfo *self)
{
  return self->max_fields;
}

guint
ferry_server_info_get_max_display_name (FerryServerInfo *self)
{
  return self->max_display_name;
}

guint
ferry_server_info_get_max_note (FerryServerInfo *self)
{
  return self->max_note;
}

guint
ferry_server_info_get_max_featured_tags (FerryServerInfo *self)
{
  return self->max_featured_tags;
}

JsonNode *
ferry_server_info_to_json (FerryServerInfo *self)
{
  static const char *kinds[] = { "none", "mastodon-web", "gotosocial-api", "akkoma-api",
                                 "misskey" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, self->host);
  json_builder_set_member_name (builder, "software");
  json_builder_add_string_value (builder, self->software);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, self->version);
  json_builder_set_member_name (builder, "api_version");
  json_builder_add_int_value (builder, self->api_version);
  json_builder_set_member_name (builder, "pkce");
  json_builder_add_boolean_value (builder, self->pkce);
  json_builder_set_member_name (builder, "migration");
  json_builder_add_string_value (builder, kinds[self->migration]);
  json_builder_set_member_name (builder, "import_api");
  json_builder_add_boolean_value (builder, ferry_server_info_has_import_api (self));
  json_builder_set_member_name (builder, "domain_block_api");
  json_builder_add_boolean_value (builder, ferry_server_info_has_domain_blocks (self));
  json_builder_set_member_name (builder, "honours_move");
  json_builder_add_boolean_value (builder, ferry_server_info_honours_move (self));
  json_builder_set_member_name (builder, "api_hides");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (ferry_server_info_get_coverage (self, categories[i]) == FERRY_API_HIDDEN)
      json_builder_add_string_value (builder, categories[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "api_lacks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (ferry_server_info_get_coverage (self, categories[i]) == FERRY_API_MISSING)
      json_builder_add_string_value (builder, categories[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "shows_counts");
  json_builder_add_boolean_value (builder, ferry_server_info_shows_counts (self));
  json_builder_set_member_name (builder, "shows_moved");
  json_builder_add_boolean_value (builder, ferry_server_info_shows_moved (self));
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->notes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->notes, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "limits");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "profile_fields");
  json_builder_add_int_value (builder, self->max_fields);
  json_builder_set_member_name (builder, "display_name");
  json_builder_add_int_value (builder, self->max_display_name);
  json_builder_set_member_name (builder, "note");
  json_builder_add_int_value (builder, self->max_note);
  json_builder_set_member_name (builder, "featured_tags");
  json_builder_add_int_value (builder, self->max_featured_tags);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* How long a post may be (500 where the server does not say). */
guint
ferry_server_info_get_max_characters (FerryServerInfo *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_INFO (self), 500);

  return self->max_characters;
}

/* How many posts an account may pin. */
guint
ferry_server_info_get_max_pinned (FerryServerInfo *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_INFO (self), 1);

  return self->max_pinned;
}
