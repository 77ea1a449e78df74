/* ferry-backup-items.c: what the journal keeps of each item: accounts, posts, bookmarks
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: the items and states the journal keeps, and the manifest.
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"
#include "ferry-relationship.h"
#include "ferry-status.h"
#include "ferry-tag.h"

/* Items */

/* persistence reader: a string member of Ferry's own journal and manifest objects */
const char *
ferry_backup_string_member (JsonObject *object,
                            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

/* What the journal keeps of one account: its address, and what the files need. */
static JsonObject *
stage_account (Runner       *r,
               FerryAccount *item)
{
  FerryBackup *self = r->backup;
  FerryRelationship *rel = ferry_relationship_find (r->rels, ferry_account_get_id (item));
  JsonObject *out = json_object_new ();
  g_autofree char *acct = ferry_account_context_full_acct (self->context,
                                                           ferry_account_get_acct (item));
  const char *id = r->def->id;
  const char *note = rel ? ferry_relationship_get_note (rel) : NULL;

  json_object_set_string_member (out, "acct", acct);
  if (g_str_equal (id, "followers"))
    {
      const char *at = strchr (acct, '@');

      json_object_set_string_member (out, "server", at ? at + 1 : "");
      return out;
    }
  if (g_str_equal (id, "following"))
    {
      json_object_set_boolean_member (out, "reblogs",
                                      rel ? ferry_relationship_get_showing_reblogs (rel) : TRUE);
      json_object_set_boolean_member (out, "notify",
                                      rel ? ferry_relationship_get_notifying (rel) : FALSE);
      if (rel != NULL && ferry_relationship_get_languages (rel) != NULL)
        {
          const char * const *languages = ferry_relationship_get_languages (rel);
          JsonArray *kept = json_array_new ();

          for (guint i = 0; languages[i] != NULL; i++)
            json_array_add_string_element (kept, languages[i]);
          json_object_set_array_member (out, "languages", kept);
        }
      else if (rel != NULL)
        json_object_set_null_member (out, "languages");
    }
  else if (g_str_equal (id, "mutes"))
    {
      json_object_set_boolean_member (out, "hide_notifications",
                                      rel ? ferry_relationship_get_muting_notifications (rel)
                                          : TRUE);
      if (ferry_account_get_mute_expires_at (item) != NULL)
        json_object_set_string_member (out, "expires_at", ferry_account_get_mute_expires_at (item));
      else
        json_object_set_null_member (out, "expires_at");
    }
  if (note != NULL && note[0] != '\0')
    json_object_set_string_member (out, "note", note);
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
  if (uri == NULL || g_uri_get_host (uri) == NULL
      || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0
          && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
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

/* persistence reader: a copy of Ferry's own journal state that can be changed (a list's
 * entry, the pictures' notes) */
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
                                ferry_backup_deep_copy (
                                  json_object_get_member (json_node_get_object (node), m->data)));
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
stage_post (Runner      *r,
            FerryStatus *item)
{
  FerryBackup *self = r->backup;
  /* persistence reader: which posts are pinned, as the journal keeps them */
  JsonArray *pinned = ferry_backup_array_member (r->state, "pinned");
  const char *id = ferry_status_get_id (item);
  guint n_media = ferry_status_get_n_media (item);
  g_autoptr(GPtrArray) files = g_ptr_array_new_full (n_media, g_free);
  JsonObject *out;

  for (guint i = 0; i < n_media; i++)
    {
      const char *url = ferry_status_get_media_url (item, i);
      char *file = NULL;

      if (url != NULL && url[0] != '\0')
        {
          file = ferry_backup_media_file_name (ferry_status_get_media_id (item, i), url);
          ferry_backup_media_enqueue (self, url, file);
        }
      g_ptr_array_add (files, file);
    }
  out = ferry_status_dup_archive (item, (const char * const *) files->pdata, files->len);
  json_object_set_boolean_member (out, "pinned", FALSE);
  for (guint i = 0; pinned && i < json_array_get_length (pinned); i++)
    if (g_strcmp0 (ferry_backup_array_string (pinned, i), id) == 0)
      json_object_set_boolean_member (out, "pinned", TRUE);
  if (r->histories != NULL && g_hash_table_contains (r->histories, id))
    json_object_set_member (out, "history",
                            json_node_copy (g_hash_table_lookup (r->histories, id)));
  return out;
}

/**
 * ferry_backup_stage_item:
 * @item: an item of the runner's page: the model its collection has (a string for a
 *   blocked server)
 *
 * Returns: (transfer full): what the journal keeps of it
 */
JsonObject *
ferry_backup_stage_item (Runner   *r,
                         gpointer  item)
{
  JsonObject *out;
  const char *id = r->def->id;

  if (g_str_equal (id, "domain_blocks"))
    {
      out = json_object_new ();
      json_object_set_string_member (out, "domain", item);
      return out;
    }
  if (r->def->flags & ACCOUNTS)
    return stage_account (r, item);
  if (r->def->flags & POSTS)
    return stage_post (r, item);
  if (g_str_equal (id, "followed_tags") || g_str_equal (id, "featured_tags"))
    {
      out = json_object_new ();
      json_object_set_string_member (out, "name", ferry_tag_get_name (item));
      return out;
    }
  /* Bookmarks and favourites: the post's address (what Mastodon's import resolves), its
   * page, and its author. */
  out = json_object_new ();
  json_object_set_string_member (out, "uri",
                                 ferry_status_get_uri (item) ? ferry_status_get_uri (item) : "");
  if (ferry_status_get_url (item) != NULL)
    json_object_set_string_member (out, "url", ferry_status_get_url (item));
  else
    json_object_set_null_member (out, "url");
  if (ferry_status_get_account_acct (item) != NULL)
    {
      g_autofree char *acct =
        ferry_account_context_full_acct (r->backup->context, ferry_status_get_account_acct (item));

      json_object_set_string_member (out, "account", acct);
    }
  if (ferry_status_get_created_at (item) != NULL)
    json_object_set_string_member (out, "created_at", ferry_status_get_created_at (item));
  return out;
}
