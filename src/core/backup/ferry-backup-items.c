/* ferry-backup-items.c: what the journal keeps of each item: accounts, posts, bookmarks
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"

/* Items */

const char *
ferry_backup_string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

/* Export#acct: every account with its domain, this server's too. */
char *
ferry_backup_full_acct (FerryBackup *self,
           JsonObject  *account)
{
  return ferry_handle_normalize_acct (ferry_backup_string_member (account, "acct"),
                                      self->local_domain);
}

static JsonObject *
find_relationship (JsonArray  *relationships,
                   const char *id)
{
  for (guint i = 0; relationships && i < json_array_get_length (relationships); i++)
    {
      JsonObject *rel = ferry_backup_array_object (relationships, i);

      if (g_strcmp0 (ferry_backup_string_member (rel, "id"), id) == 0)
        return rel;
    }
  return NULL;
}

void
ferry_backup_copy_member (JsonObject *to,
             const char *to_name,
             JsonObject *from,
             const char *from_name)
{
  JsonNode *node = from ? json_object_get_member (from, from_name) : NULL;

  if (node != NULL)
    json_object_set_member (to, to_name, json_node_copy (node));
}

/* What the journal keeps of one account: its address, and what the files need. */
static JsonObject *
stage_account (Runner     *r,
               JsonObject *item)
{
  FerryBackup *self = r->backup;
  JsonObject *rel = find_relationship (r->rels, ferry_backup_string_member (item, "id"));
  JsonObject *out = json_object_new ();
  g_autofree char *acct = ferry_backup_full_acct (self, item);
  const char *id = r->def->id;

  json_object_set_string_member (out, "acct", acct ? acct : "");
  if (g_str_equal (id, "followers"))
    {
      const char *at = acct ? strchr (acct, '@') : NULL;

      json_object_set_string_member (out, "server", at ? at + 1 : "");
      return out;
    }
  if (g_str_equal (id, "following"))
    {
      json_object_set_boolean_member (out, "reblogs",
                                      rel ? json_object_get_boolean_member_with_default (rel, "showing_reblogs", TRUE) : TRUE);
      json_object_set_boolean_member (out, "notify",
                                      rel ? json_object_get_boolean_member_with_default (rel, "notifying", FALSE) : FALSE);
      ferry_backup_copy_member (out, "languages", rel, "languages");
    }
  else if (g_str_equal (id, "mutes"))
    {
      json_object_set_boolean_member (out, "hide_notifications",
                                      rel ? json_object_get_boolean_member_with_default (rel, "muting_notifications", TRUE) : TRUE);
      ferry_backup_copy_member (out, "expires_at", item, "mute_expires_at");
      if (!json_object_has_member (out, "expires_at"))
        json_object_set_null_member (out, "expires_at");
    }
  if (ferry_backup_string_member (rel, "note") != NULL && ferry_backup_string_member (rel, "note")[0] != '\0')
    json_object_set_string_member (out, "note", ferry_backup_string_member (rel, "note"));
  return out;
}

char *
ferry_backup_media_extension (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *path = uri ? g_uri_get_path (uri) : NULL;
  const char *slash = path ? strrchr (path, '/') : NULL;
  const char *dot = slash ? strrchr (slash, '.') : NULL;

  if (dot == NULL || strlen (dot) > 6)
    return g_strdup ("");
  for (const char *p = dot + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return g_strdup ("");
  return g_ascii_strdown (dot, -1);
}


/**
 * ferry_backup_media_file_name:
 * @media_id: (nullable): the attachment's id, as the server gave it
 *
 * Where an attachment's file goes: "media/ID.EXT" for an id that is a plain name, and for
 * any other ("", "..", a snac id that is the post's address and a number, not a string at
 * all) "media/url-HASH.EXT", named after its address: every attachment has a file of its
 * own, and none can fail on its name run after run.
 */
char *
ferry_backup_media_file_name (const char *media_id,
                              const char *url)
{
  g_autofree char *ext = ferry_backup_media_extension (url);
  gboolean plain = media_id != NULL && media_id[0] != '\0' && strlen (media_id) <= 64;

  for (const char *p = media_id; plain && *p; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-';
  if (!plain)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);

      sum[32] = '\0';
      return g_strconcat ("media/url-", sum, ext, NULL);
    }
  return g_strconcat ("media/", media_id, ext, NULL);
}

/**
 * ferry_backup_picture_stand_in:
 *
 * Whether a profile picture's address is no picture of the person's: empty (snac sends
 * "header": ""; fetched, "" is the server's home page), not an address, or the picture the
 * server shows for everyone who has none.
 *
 * Returns: (nullable): why it is no picture, or NULL when it may be one
 */
const char *
ferry_backup_picture_stand_in (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *path;

  if (url == NULL || url[0] == '\0')
    return _("The server gave no picture.");
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    return _("The server gave no address of a picture.");
  path = g_uri_get_path (uri);
  /* mastodon app/models/concerns/account/avatar.rb, header.rb: default_url
   * "/avatars/original/missing.png", "/headers/original/missing.png" (on the asset host);
   * gotosocial internal/typeutils/defaulticons.go: "/assets/default_avatars/…" and
   * "/assets/default_header.webp"; snac mastoapi.c: "/susie.png" for no avatar, and
   * "/header.png" for no header in the versions that did not send "". */
  if (g_str_has_suffix (path, "/avatars/original/missing.png") ||
      g_str_has_suffix (path, "/headers/original/missing.png") ||
      g_str_has_prefix (path, "/assets/default_avatars/") ||
      g_str_equal (path, "/assets/default_header.webp") ||
      g_str_equal (path, "/susie.png") || g_str_equal (path, "/header.png"))
    return _("The server’s stand-in picture, not one of the person’s.");
  return NULL;
}

/* Whether @bytes are a picture a server takes (PNG, JPEG, GIF, WebP, AVIF/HEIC), by their
 * first bytes: an HTML page or an error text is not. */
gboolean
ferry_backup_is_image (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *d = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  if (d == NULL || size < 12)
    return FALSE;
  return memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0 ||
         (d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) ||
         memcmp (d, "GIF87a", 6) == 0 || memcmp (d, "GIF89a", 6) == 0 ||
         (memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0) ||
         (memcmp (d + 4, "ftyp", 4) == 0 &&
          (memcmp (d + 8, "avif", 4) == 0 || memcmp (d + 8, "avis", 4) == 0 ||
           memcmp (d + 8, "heic", 4) == 0 || memcmp (d + 8, "heix", 4) == 0 ||
           memcmp (d + 8, "mif1", 4) == 0));
}

/* A copy that can be changed: the client's answers are sealed. */
JsonNode *
ferry_backup_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *m = members; m != NULL; m = m->next)
        json_object_set_member (object, m->data,
                                ferry_backup_deep_copy (json_object_get_member (json_node_get_object (node), m->data)));
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, object);
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      JsonArray *array = json_array_sized_new (json_array_get_length (source));

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (array, ferry_backup_deep_copy (json_array_get_element (source, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, array);
      return copy;
    }
  copy = json_node_copy (node);
  return copy;
}

/* A post as the server gave it, less the author (always this account), with its history,
 * whether it is pinned, and where its media files are. */
static JsonObject *
stage_post (Runner     *r,
            JsonObject *item)
{
  FerryBackup *self = r->backup;
  JsonObject *out = json_object_new ();
  JsonArray *pinned = ferry_backup_array_member (r->state, "pinned");
  const char *id = ferry_backup_string_member (item, "id");
  JsonArray *media;

  g_autoptr(GList) members = json_object_get_members (item);

  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *name = m->data;

      if (g_str_equal (name, "account"))
        continue;
      /* Only the attachments change (their file is added); the rest is shared, not copied. */
      if (g_str_equal (name, "media_attachments"))
        json_object_set_member (out, name, ferry_backup_deep_copy (json_object_get_member (item, name)));
      else
        json_object_set_member (out, name, json_node_ref (json_object_get_member (item, name)));
    }
  json_object_set_boolean_member (out, "pinned", FALSE);
  for (guint i = 0; pinned && i < json_array_get_length (pinned); i++)
    if (g_strcmp0 (ferry_backup_array_string (pinned, i), id) == 0)
      json_object_set_boolean_member (out, "pinned", TRUE);
  if (r->histories != NULL && g_hash_table_contains (r->histories, id))
    json_object_set_member (out, "history", ferry_backup_deep_copy (g_hash_table_lookup (r->histories, id)));

  media = ferry_backup_array_member (out, "media_attachments");
  for (guint i = 0; media && i < json_array_get_length (media); i++)
    {
      JsonObject *attachment = ferry_backup_array_object (media, i);
      const char *url = ferry_backup_string_member (attachment, "url");
      const char *media_id = ferry_backup_string_member (attachment, "id");
      g_autofree char *file = NULL;

      if (url == NULL || url[0] == '\0')
        continue;
      file = ferry_backup_media_file_name (media_id, url);
      json_object_set_string_member (attachment, "local_file", file);
      ferry_backup_media_enqueue (self, url, file);
    }
  return out;
}

JsonObject *
ferry_backup_stage_item (Runner     *r,
            JsonNode   *node)
{
  JsonObject *item;
  JsonObject *out;
  const char *id = r->def->id;

  if (g_str_equal (id, "domain_blocks"))
    {
      out = json_object_new ();
      json_object_set_string_member (out, "domain",
                                     JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : "");
      return out;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  item = json_node_get_object (node);
  if (r->def->flags & ACCOUNTS)
    return stage_account (r, item);
  if (r->def->flags & POSTS)
    return stage_post (r, item);
  if (g_str_equal (id, "followed_tags") || g_str_equal (id, "featured_tags"))
    {
      out = json_object_new ();
      json_object_set_string_member (out, "name", ferry_backup_string_member (item, "name") ? ferry_backup_string_member (item, "name") : "");
      return out;
    }
  /* Bookmarks and favourites: the post's address (what Mastodon's import resolves), its
   * page, and its author. */
  out = json_object_new ();
  json_object_set_string_member (out, "uri", ferry_backup_string_member (item, "uri") ? ferry_backup_string_member (item, "uri") : "");
  ferry_backup_copy_member (out, "url", item, "url");
  if (json_object_has_member (item, "account") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (item, "account")))
    {
      g_autofree char *acct = ferry_backup_full_acct (r->backup, ferry_backup_object_member (item, "account"));

      if (acct != NULL)
        json_object_set_string_member (out, "account", acct);
    }
  ferry_backup_copy_member (out, "created_at", item, "created_at");
  return out;
}

