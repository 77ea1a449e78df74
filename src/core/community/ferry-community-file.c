/* ferry-community-file.c: a community saved as JSON, and read back
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: a community's own file (ferry_community_to_json()).
 *
 * The file is Ferry's own state: { "version": 1, "id", "name", "old_host", "new_host",
 * "deadline", "created", "phase", "helper_old", "helper_new", "community_account",
 * "inactive_since", "members": [...], "snapshots": [...], "posts": [...] }. It is serialized
 * on the caller's thread (a community of 5,000 members with their histories serializes in
 * milliseconds) and written in a thread, atomically, private to the person (0600).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ferry-community-private.h"
#include "ferry-private-file.h"

#define FILE_VERSION 1
/* A community file bigger than this is not Ferry's (5,000 members with long histories are
 * a few megabytes). */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_member (JsonBuilder *builder,
            FerryMember *member)
{
  g_autofree char *sources = ferry_member_sources_to_ids (ferry_member_get_sources (member));
  GArray *history = ferry_member_get_history (member);

  json_builder_begin_object (builder);
  add_string (builder, "old", ferry_member_get_old_address (member));
  if (ferry_member_get_new_address_set (member))
    add_string (builder, "new", ferry_member_get_new_address (member));
  add_string (builder, "name", ferry_member_get_display_name (member));
  add_string (builder, "note", ferry_member_get_note (member));
  add_string (builder, "sources", sources);
  if (ferry_member_get_opted_out (member))
    {
      json_builder_set_member_name (builder, "opted_out");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (ferry_member_get_next_check (member) != 0)
    add_int (builder, "next_check", ferry_member_get_next_check (member));
  if (ferry_member_get_moved_at (member) != 0)
    add_int (builder, "moved_at", ferry_member_get_moved_at (member));
  if (ferry_member_has_baseline (member))
    {
      json_builder_set_member_name (builder, "baseline");
      json_builder_begin_object (builder);
      add_int (builder, "followers", ferry_member_get_baseline_followers (member));
      add_int (builder, "following", ferry_member_get_baseline_following (member));
      add_int (builder, "statuses", ferry_member_get_baseline_statuses (member));
      add_string (builder, "last_status", ferry_member_get_baseline_last_status (member));
      add_int (builder, "time", ferry_member_get_baseline_time (member));
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      FerryMemberRecord *record = &g_array_index (history, FerryMemberRecord, i);

      json_builder_begin_object (builder);
      add_int (builder, "time", record->time);
      add_string (builder, "state", ferry_member_state_to_id (record->state));
      add_int (builder, "old_followers", record->old_followers);
      add_int (builder, "new_followers", record->new_followers);
      add_string (builder, "moved_to", record->moved_to);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static const char *post_kinds[] = { "announcement", "reminder", "mentions", "final" };
static const char *phases[] = { "prepare", "move", "verify", "done" };

static void
add_post (JsonBuilder              *builder,
          const FerryCommunityPost *post)
{
  json_builder_begin_object (builder);
  add_string (builder, "key", post->key);
  add_string (builder, "kind", post_kinds[post->kind]);
  add_string (builder, "status_id", post->status_id);
  add_string (builder, "scheduled_id", post->scheduled_id);
  add_string (builder, "url", post->url);
  add_int (builder, "scheduled_at", post->scheduled_at);
  add_int (builder, "posted_at", post->posted_at);
  json_builder_set_member_name (builder, "confirmed");
  json_builder_add_boolean_value (builder, post->confirmed);
  json_builder_set_member_name (builder, "pinned");
  json_builder_add_boolean_value (builder, post->pinned);
  add_string (builder, "text", post->text);
  json_builder_end_object (builder);
}

char *
ferry_community_to_json (FerryCommunity *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GArray *snapshots;
  GPtrArray *posts;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);

  json_builder_begin_object (builder);
  add_int (builder, "version", FILE_VERSION);
  add_string (builder, "id", ferry_community_get_id (self));
  add_string (builder, "name", ferry_community_get_name (self));
  add_string (builder, "old_host", ferry_community_get_old_host (self));
  add_string (builder, "new_host", ferry_community_get_new_host (self));
  add_int (builder, "deadline", ferry_community_get_deadline (self));
  add_int (builder, "created", ferry_community_get_created (self));
  add_string (builder, "phase", phases[ferry_community_get_phase (self)]);
  add_string (builder, "helper_old", ferry_community_get_helper_old (self));
  add_string (builder, "helper_new", ferry_community_get_helper_new (self));
  add_string (builder, "community_account", ferry_community_get_community_account (self));
  add_string (builder, "inactive_since", ferry_community_get_inactive_since (self));

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ferry_community_get_n_members (self); i++)
    add_member (builder, ferry_community_get_member (self, i));
  json_builder_end_array (builder);

  snapshots = ferry_community_get_snapshots (self);
  json_builder_set_member_name (builder, "snapshots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshots->len; i++)
    {
      FerryCommunitySnapshot *snapshot = &g_array_index (snapshots, FerryCommunitySnapshot, i);

      json_builder_begin_object (builder);
      add_int (builder, "time", snapshot->time);
      for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
        if (snapshot->counts[s] > 0)
          add_int (builder, ferry_member_state_to_id (s), snapshot->counts[s]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  posts = ferry_community_get_posts (self);
  json_builder_set_member_name (builder, "posts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < posts->len; i++)
    add_post (builder, g_ptr_array_index (posts, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Readers that take what is there and the type it should have; anything else is absent. */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *name,
         gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static gboolean
get_bool (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
element_object (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static int
index_of (const char * const *names,
          guint               n,
          const char         *name,
          int                 fallback)
{
  for (guint i = 0; name != NULL && i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return fallback;
}

static void
read_member (FerryCommunity *self,
             JsonObject     *object)
{
  const char *old = get_string (object, "old");
  FerryMember *member;
  JsonNode *baseline;
  JsonArray *history;

  if (old == NULL)
    return;
  member = ferry_community_add_member (self, old, ferry_member_sources_from_ids (
                                         get_string (object, "sources")), NULL);
  if (member == NULL)
    return;
  if (get_string (object, "new") != NULL)
    ferry_member_set_new_address (member, get_string (object, "new"));
  ferry_member_set_display_name (member, get_string (object, "name"));
  ferry_member_set_note (member, get_string (object, "note"));
  ferry_member_set_opted_out (member, get_bool (object, "opted_out"));
  ferry_member_set_next_check (member, get_int (object, "next_check", 0));
  ferry_member_restore_moved_at (member, get_int (object, "moved_at", 0));

  baseline = json_object_get_member (object, "baseline");
  if (baseline != NULL && JSON_NODE_HOLDS_OBJECT (baseline))
    {
      JsonObject *b = json_node_get_object (baseline);

      ferry_member_set_baseline (member, get_int (b, "followers", -1),
                                 get_int (b, "following", -1), get_int (b, "statuses", -1),
                                 get_string (b, "last_status"), get_int (b, "time", 0));
    }

  history = get_array (object, "history");
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonObject *r = element_object (history, i);
      FerryMemberRecord record = { 0 };

      if (r == NULL || !ferry_member_state_from_id (get_string (r, "state"), &record.state))
        continue;
      record.time = get_int (r, "time", 0);
      record.old_followers = get_int (r, "old_followers", -1);
      record.new_followers = get_int (r, "new_followers", -1);
      record.moved_to = (char *) get_string (r, "moved_to");
      ferry_member_restore_record (member, &record);
    }
}

static void
read_post (FerryCommunity *self,
           JsonObject     *object)
{
  FerryCommunityPost post = { 0 };

  post.key = (char *) get_string (object, "key");
  if (post.key == NULL)
    return;
  post.kind = index_of (post_kinds, G_N_ELEMENTS (post_kinds), get_string (object, "kind"), 0);
  post.status_id = (char *) get_string (object, "status_id");
  post.scheduled_id = (char *) get_string (object, "scheduled_id");
  post.url = (char *) get_string (object, "url");
  post.scheduled_at = get_int (object, "scheduled_at", 0);
  post.posted_at = get_int (object, "posted_at", 0);
  post.confirmed = get_bool (object, "confirmed");
  post.pinned = get_bool (object, "pinned");
  post.text = (char *) get_string (object, "text");
  ferry_community_put_post (self, &post);
}

FerryCommunity *
ferry_community_new_from_json (const char  *json,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(FerryCommunity) self = NULL;
  JsonObject *root;
  const char *id;
  const char *name;
  const char *old_host;
  const char *new_host;
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  id = get_string (root, "id");
  name = get_string (root, "name");
  old_host = get_string (root, "old_host");
  new_host = get_string (root, "new_host");
  if (id == NULL || name == NULL || old_host == NULL || new_host == NULL)
    goto invalid;
  if (get_int (root, "version", 0) > FILE_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This community was saved by a newer version of Ferry."));
      return NULL;
    }

  self = ferry_community_new (name, old_host, new_host, get_int (root, "deadline", 0));
  ferry_community_restore_identity (self, id, get_int (root, "created", 0));
  ferry_community_set_phase (self, index_of (phases, G_N_ELEMENTS (phases),
                                             get_string (root, "phase"), 0));
  ferry_community_set_helpers (self, get_string (root, "helper_old"),
                               get_string (root, "helper_new"));
  ferry_community_set_community_account (self, get_string (root, "community_account"));
  ferry_community_set_inactive_since (self, get_string (root, "inactive_since"));

  array = get_array (root, "members");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (element_object (array, i) != NULL)
      read_member (self, element_object (array, i));
  ferry_community_recount (self);

  array = get_array (root, "snapshots");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *s = element_object (array, i);
      FerryCommunitySnapshot snapshot = { 0 };

      if (s == NULL)
        continue;
      snapshot.time = get_int (s, "time", 0);
      for (guint k = 0; k < FERRY_MEMBER_N_STATES; k++)
        snapshot.counts[k] = (guint) CLAMP (get_int (s, ferry_member_state_to_id (k), 0),
                                            0, G_MAXUINT);
      ferry_community_restore_snapshot (self, &snapshot);
    }

  array = get_array (root, "posts");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (element_object (array, i) != NULL)
      read_post (self, element_object (array, i));

  return g_steal_pointer (&self);

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("This file is not a community saved by Ferry."));
  return NULL;
}

gboolean
ferry_community_save (FerryCommunity  *self,
                      const char      *path,
                      GError         **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json = ferry_community_to_json (self);
  return ferry_private_file_write (path, json, -1, error);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!ferry_private_file_write_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ferry_community_save_async (FerryCommunity      *self,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  char *json;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (FERRY_IS_COMMUNITY (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_community_save_async);
  json = ferry_community_to_json (self);
  bytes = g_bytes_new_take (json, strlen (json));
  ferry_private_file_write_async (path, bytes, cancellable, save_done, task);
}

gboolean
ferry_community_save_finish (FerryCommunity  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

FerryCommunity *
ferry_community_load (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  FerryCommunity *community;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This file is too large to be a community saved by Ferry."));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  community = ferry_community_new_from_json (contents, length, &local_error);
  if (community == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  return community;
}
