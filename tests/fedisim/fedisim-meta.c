/* fedisim-meta.c: what identifies a server and its accounts: NodeInfo, instance, WebFinger,
 * ActivityPub actors, profile pages and images
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

/* A 1×1 transparent PNG, for accounts without an image. */
static const guint8 missing_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

/**
 * fedisim_server_set_api_gaps:
 * @enabled: whether the flavour's client API has the real software's gaps (the default)
 *
 * The snac flavour's API leaves out what snac's does (snac2 mastoapi.c): followers and blocks
 * come back as [], mutes and domain blocks answer 404, verify_credentials counts 0, no header
 * is "", accounts show no "moved". Turned off, it answers as Mastodon does, for tests about
 * something else.
 */
void
fedisim_server_set_api_gaps (FedisimServer *server,
                             gboolean       enabled)
{
  server->without_gaps = !enabled;
}

gboolean
fs_server_snac_gaps (FedisimServer *server)
{
  return server->flavour == FEDISIM_FLAVOUR_LEGACY && !server->without_gaps;
}

/**
 * fedisim_server_set_nodeinfo_href:
 * @href: (nullable): where /.well-known/nodeinfo sends clients; %NULL for the server's own
 *   /nodeinfo/2.0
 *
 * A hostile or misconfigured server: a link to another host ("https://HOST:PORT@other/…"
 * starts like the server's own URL), or over http.
 */
void
fedisim_server_set_nodeinfo_href (FedisimServer *server,
                                  const char    *href)
{
  g_free (server->nodeinfo_href);
  server->nodeinfo_href = g_strdup (href);
}

static const char *
software_name (FedisimServer *server)
{
  switch (server->flavour)
    {
    case FEDISIM_FLAVOUR_GOTOSOCIAL:
      return "gotosocial";
    case FEDISIM_FLAVOUR_AKKOMA:
      return "akkoma";
    case FEDISIM_FLAVOUR_LEGACY:
      /* Software whose users ignore an incoming Move (snac before 2.61). */
      return "snac";
    case FEDISIM_FLAVOUR_MASTODON:
    default:
      return "mastodon";
    }
}

static void
nodeinfo_links (FsRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *href = req->server->nodeinfo_href
                           ? g_strdup (req->server->nodeinfo_href)
                           : g_strdup_printf ("%s/nodeinfo/2.0", req->server->base_url);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rel");
  json_builder_add_string_value (builder, "http://nodeinfo.diaspora.software/ns/schema/2.0");
  json_builder_set_member_name (builder, "href");
  json_builder_add_string_value (builder, href);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

static void
nodeinfo (FsRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FedisimServer *server = req->server;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, "2.0");
  json_builder_set_member_name (builder, "software");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, software_name (server));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, server->version);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "protocols");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "activitypub");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "usage");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, server->actors->len);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "openRegistrations");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

static void
add_member_int (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* The version string each flavour's instance API shows (api-facts §2.3). */
static char *
instance_version (FedisimServer *server,
                  gboolean       v1)
{
  switch (server->flavour)
    {
    case FEDISIM_FLAVOUR_GOTOSOCIAL:
      return g_strdup_printf ("%s git-5d3c2a1", server->version);
    case FEDISIM_FLAVOUR_AKKOMA:
      return g_strdup_printf ("2.7.2 (compatible; Akkoma %s)", server->version);
    case FEDISIM_FLAVOUR_LEGACY:
      /* snac2 mastoapi.c, "/v1/instance": "4.0.0 (not true; really " USER_AGENT ")", and
       * snac.h: USER_AGENT "snac/" VERSION. */
      return g_strdup_printf ("4.0.0 (not true; really snac/%s)", server->version);
    case FEDISIM_FLAVOUR_MASTODON:
    default:
      return g_strdup (server->version);
    }
}

static void
instance (FsRequest *req,
          gboolean   v1)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FedisimServer *server = req->server;
  g_autofree char *version = instance_version (server, v1);
  gboolean v46 = server->api_version >= 10;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, v1 ? "uri" : "domain");
  json_builder_add_string_value (builder, server->host);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "fedisim");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, version);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "A simulated server for Ferry's tests");

  if (!v1 && server->api_version > 0)
    {
      json_builder_set_member_name (builder, "api_versions");
      json_builder_begin_object (builder);
      add_member_int (builder, "mastodon", server->api_version);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "configuration");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_object (builder);
  add_member_int (builder, "max_featured_tags", 10);
  if (!v1)
    {
      if (server->api_version >= 2)
        add_member_int (builder, "max_pinned_statuses", 5);
      if (v46)
        {
          add_member_int (builder, "max_display_name_length", 40);
          add_member_int (builder, "max_note_length", 500);
          add_member_int (builder, "max_avatar_description_length", 150);
          add_member_int (builder, "max_header_description_length", 150);
          add_member_int (builder, "max_profile_fields", 4);
          add_member_int (builder, "profile_field_name_limit", 255);
          add_member_int (builder, "profile_field_value_limit", 255);
        }
      if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
        add_member_int (builder, "max_profile_fields", 6);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_object (builder);
  add_member_int (builder, "max_characters", 500);
  add_member_int (builder, "max_media_attachments", 4);
  add_member_int (builder, "characters_reserved_per_url", 23);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  if (server->flavour == FEDISIM_FLAVOUR_AKKOMA)
    {
      json_builder_set_member_name (builder, "pleroma");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "metadata");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "features");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "pleroma_api");
      json_builder_add_string_value (builder, "mastodon_api");
      json_builder_add_string_value (builder, "account_move");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

static void
instance_v1 (FsRequest *req)
{
  instance (req, TRUE);
}

static void
instance_v2 (FsRequest *req)
{
  instance (req, FALSE);
}

static void
webfinger (FsRequest *req)
{
  const char *resource = fs_req_param (req, "resource");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *subject = NULL;
  g_autofree char *url = NULL;
  FsActor *actor = NULL;

  if (resource != NULL && g_str_has_prefix (resource, "acct:"))
    {
      g_auto(GStrv) parts = g_strsplit (resource + 5, "@", 2);

      if (parts[0] && parts[1] && g_ascii_strcasecmp (parts[1], req->server->host) == 0)
        actor = fs_server_find_local (req->server, parts[0]);
    }
  else if (resource != NULL)
    {
      actor = fs_world_find_actor (req->server->world, resource);
      if (actor != NULL && actor->home != req->server)
        actor = NULL;
    }

  if (actor == NULL)
    {
      fs_reply_text (req, 404, "application/jrd+json", "", 0);
      return;
    }
  /* mastodon app/controllers/well_known/webfinger_controller.rb: 410 for a permanently
   * unavailable (deleted) account (community-facts §2.2). */
  if (actor->deleted)
    {
      fs_reply_text (req, 410, "application/jrd+json", "", 0);
      return;
    }

  subject = g_strdup_printf ("acct:%s@%s", actor->username, req->server->host);
  url = g_strdup_printf ("%s/@%s", req->server->base_url, actor->username);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, subject);
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, url);
  json_builder_add_string_value (builder, actor->uri);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rel");
  json_builder_add_string_value (builder, "self");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "application/activity+json");
  json_builder_set_member_name (builder, "href");
  json_builder_add_string_value (builder, actor->uri);
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rel");
  json_builder_add_string_value (builder, "http://webfinger.net/rel/profile-page");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text/html");
  json_builder_set_member_name (builder, "href");
  json_builder_add_string_value (builder, url);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  fs_reply_json_typed (req, 200, "application/jrd+json; charset=utf-8",
                       json_builder_get_root (builder));
}

static gboolean
wants_activity_json (FsRequest *req)
{
  const char *accept = soup_message_headers_get_one (
    soup_server_message_get_request_headers (req->msg), "Accept");

  return accept != NULL && (strstr (accept, "activity+json") || strstr (accept, "ld+json"));
}

static void
profile_page (FsRequest *req,
              FsActor   *actor)
{
  g_autofree char *name = fs_html_escape (actor->display_name[0] ? actor->display_name
                                                                 : actor->username);
  g_autofree char *moved = NULL;
  g_autofree char *body = NULL;

  if (actor->moved_to != NULL)
    {
      g_autofree char *handle = fs_actor_handle (actor->moved_to);
      g_autofree char *escaped = fs_html_escape (handle);

      moved = g_strdup_printf ("<p class=\"moved-account-banner\">%s has indicated that their "
                               "new account is now <a href=\"%s\">@%s</a></p>",
                               name, actor->moved_to->uri, escaped);
    }
  body = g_strdup_printf ("%s<p class=\"account__header__content\">@%s@%s</p>",
                          moved ? moved : "", actor->username, req->server->host);
  fs_reply_html (req, 200, name, body);
}

static void
actor_document (FsRequest *req)
{
  FsActor *actor = fs_server_find_local (req->server, req->args[0]);

  if (actor == NULL)
    {
      fs_reply_error (req, 404, "Record not found");
      return;
    }
  /* assumed: a deleted account's actor is gone (410), as its WebFinger answer. */
  if (actor->deleted)
    {
      fs_reply_error (req, 410, "Gone");
      return;
    }
  if (!wants_activity_json (req))
    {
      profile_page (req, actor);
      return;
    }
  /* AUTHORIZED_FETCH: unsigned fetches of actors are refused (api-facts §7). */
  if (req->server->authorized_fetch)
    {
      fs_reply_error (req, 401, "Request not signed");
      return;
    }

  fs_reply_json_typed (req, 200, "application/activity+json; charset=utf-8",
                       fs_json_actor_document (req->server, actor));
}

static void
profile (FsRequest *req)
{
  const char *name = req->args[0];
  FsActor *actor;

  if (name[0] != '@')
    {
      fs_reply_html (req, 404, "The page you were looking for doesn't exist", "");
      return;
    }
  if (fs_community_profile_redirect (req, name + 1))
    return;
  actor = fs_server_find_local (req->server, name + 1);
  if (actor == NULL)
    fs_reply_html (req, 404, "The page you were looking for doesn't exist", "");
  else
    profile_page (req, actor);
}

static void
account_image (FsRequest *req)
{
  const char *kind = req->args[0];
  guint64 id = g_ascii_strtoull (req->args[1], NULL, 10);

  for (guint i = 0; i < req->server->actors->len; i++)
    {
      FsActor *actor = g_ptr_array_index (req->server->actors, i);
      GBytes *image = g_str_equal (kind, "avatars") ? actor->avatar : actor->header;
      const char *type = g_str_equal (kind, "avatars") ? actor->avatar_type : actor->header_type;

      if (actor->id == id && image != NULL)
        {
          fs_reply_text (req, 200, type, g_bytes_get_data (image, NULL), g_bytes_get_size (image));
          return;
        }
    }
  fs_reply_text (req, 404, "text/plain", "", 0);
}

static void
media_file (FsRequest *req)
{
  guint64 id = g_ascii_strtoull (req->args[0], NULL, 10);

  for (guint i = 0; i < req->server->actors->len; i++)
    {
      FsActor *actor = g_ptr_array_index (req->server->actors, i);

      for (guint j = 0; j < actor->statuses->len; j++)
        {
          FsStatus *status = g_ptr_array_index (actor->statuses, j);

          for (guint k = 0; k < status->media->len; k++)
            {
              FsMedia *media = g_ptr_array_index (status->media, k);

              if (media->id == id)
                {
                  fs_reply_text (req, 200, media->content_type, g_bytes_get_data (media->data, NULL),
                                 g_bytes_get_size (media->data));
                  return;
                }
            }
        }
    }
  fs_reply_text (req, 404, "text/plain", "", 0);
}

static void
missing_image (FsRequest *req)
{
  fs_reply_text (req, 200, "image/png", (const char *) missing_png, sizeof missing_png);
}

const FsRoute fs_meta_routes[] = {
  { "GET", "/.well-known/nodeinfo", nodeinfo_links },
  { "GET", "/nodeinfo/2.0", nodeinfo },
  { "GET", "/.well-known/webfinger", webfinger },
  { "GET", "/api/v1/instance", instance_v1 },
  /* snac2 mastoapi.c mastoapi_get_handler() answers "/v1/instance" only: v2 is 404 there. */
  { "GET", "/api/v2/instance", instance_v2, 0, NULL,
    FS_F (FEDISIM_FLAVOUR_MASTODON) | FS_F (FEDISIM_FLAVOUR_GOTOSOCIAL) },
  { "GET", "/users/:name", actor_document },
  { "GET", "/:profile", profile },
  { "GET", "/system/accounts/:kind/:id/original", account_image },
  { "GET", "/system/media_attachments/:id/original", media_file },
  { "GET", "/avatars/original/missing.png", missing_image },
  { "GET", "/headers/original/missing.png", missing_image },
  { NULL }
};
