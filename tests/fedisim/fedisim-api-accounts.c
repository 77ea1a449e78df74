/* fedisim-api-accounts.c: accounts, relationships, follows, blocks, mutes, notes, statuses
 * (api-facts §3)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

#define SCOPE_READ_ACCOUNTS  "read read:accounts"
#define SCOPE_WRITE_ACCOUNTS "write write:accounts"
#define SCOPE_FOLLOWS        "follow write write:follows"

guint64
fs_row_id (gconstpointer row)
{
  return ((const FsRow *) row)->id;
}

guint64
fs_follow_row_id (gconstpointer row)
{
  return ((const FsFollow *) row)->id;
}

FsRow *
fs_rows_add (FedisimWorld *world,
             GPtrArray    *rows,
             FsActor      *target,
             FsStatus     *status,
             const char   *text)
{
  FsRow *row = g_new0 (FsRow, 1);

  row->id = fs_world_next_row_id (world);
  row->target = target;
  row->status = status;
  row->text = g_strdup (text);
  g_ptr_array_add (rows, row);
  return row;
}

FsActor *
fs_req_account_arg (FsRequest *req)
{
  FsActor *actor = fs_server_actor_by_id (req->server, req->args[0]);

  if (actor == NULL)
    fs_reply_error (req, 404, "Record not found");
  return actor;
}

JsonNode *
fs_json_accounts (FedisimServer *server,
                  GPtrArray     *actors)
{
  JsonArray *array = json_array_sized_new (actors->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < actors->len; i++)
    json_array_add_element (array, fs_json_account (server, g_ptr_array_index (actors, i), FALSE));
  json_node_take_array (node, array);
  return node;
}

static void
reply_relationship (FsRequest *req,
                    FsActor   *target)
{
  fs_reply_json (req, 200, fs_json_relationship (req->server, fs_req_user (req), target));
}

/* Credentials */

static void
verify_credentials (FsRequest *req)
{
  fs_reply_json (req, 200, fs_json_account (req->server, fs_req_user (req), TRUE));
}

static guint
display_name_limit (FedisimServer *server)
{
  if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    return 100;
  return server->api_version >= 10 ? 40 : 30;
}

static gsize
avatar_limit (FedisimServer *server)
{
  return server->api_version >= 6 || server->flavour != FEDISIM_FLAVOUR_MASTODON
           ? 8 * 1024 * 1024 : 2 * 1024 * 1024;
}

/* fields_attributes[0][name] (forms, JSON) or fields_attributes[][name] (repeated). */
static GPtrArray *
read_fields (FsRequest *req)
{
  GPtrArray *fields = NULL;
  GPtrArray *names = fs_req_param_array (req, "fields_attributes[][name]");
  GPtrArray *values = fs_req_param_array (req, "fields_attributes[][value]");

  if (names != NULL)
    {
      fields = g_ptr_array_new ();
      for (guint i = 0; i < names->len; i++)
        {
          g_ptr_array_add (fields, g_ptr_array_index (names, i));
          g_ptr_array_add (fields, values && i < values->len ? g_ptr_array_index (values, i) : (gpointer) "");
        }
      return fields;
    }

  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name_key = g_strdup_printf ("fields_attributes[%u][name]", i);
      g_autofree char *value_key = g_strdup_printf ("fields_attributes[%u][value]", i);
      const char *name = fs_req_param (req, name_key);
      const char *value = fs_req_param (req, value_key);

      if (name == NULL && value == NULL)
        continue;
      if (fields == NULL)
        fields = g_ptr_array_new ();
      g_ptr_array_add (fields, (gpointer) (name ? name : ""));
      g_ptr_array_add (fields, (gpointer) (value ? value : ""));
    }
  return fields;
}

static void
set_string (char      **field,
            const char *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
update_credentials (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  FedisimServer *server = req->server;
  const char *display_name = fs_req_param (req, "display_name");
  const char *note = fs_req_param (req, "note");
  g_autoptr(GPtrArray) fields = read_fields (req);
  guint max_fields = server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ? 6 : 4;
  const char *images[] = { "avatar", "header" };

  if (display_name != NULL && g_utf8_strlen (display_name, -1) > display_name_limit (server))
    {
      g_autofree char *message = g_strdup_printf ("Validation failed: Display name is too long "
                                                  "(maximum is %u characters)",
                                                  display_name_limit (server));
      fs_reply_error (req, 422, message);
      return;
    }
  if (note != NULL && g_utf8_strlen (note, -1) > 500)
    {
      fs_reply_error (req, 422, "Validation failed: Note is too long (maximum is 500 characters)");
      return;
    }
  if (fields != NULL && fields->len / 2 > max_fields)
    {
      g_autofree char *message = g_strdup_printf ("Validation failed: Fields is too long "
                                                  "(maximum is %u fields)", max_fields);
      fs_reply_error (req, 422, message);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      GBytes *file = g_hash_table_lookup (req->files, images[i]);

      if (file != NULL && g_bytes_get_size (file) > avatar_limit (server))
        {
          g_autofree char *message = g_strdup_printf ("Validation failed: %s file size must be "
                                                      "less than %" G_GSIZE_FORMAT " MB",
                                                      i == 0 ? "Avatar" : "Header",
                                                      avatar_limit (server) / 1024 / 1024);
          fs_reply_error (req, 422, message);
          return;
        }
    }

  set_string (&me->display_name, display_name);
  set_string (&me->note, note);
  if (fs_req_param (req, "locked"))
    me->locked = fs_req_param_bool (req, "locked", FALSE);
  if (fs_req_param (req, "bot"))
    me->bot = fs_req_param_bool (req, "bot", FALSE);
  if (fs_req_param (req, "discoverable"))
    me->discoverable = fs_req_param_bool (req, "discoverable", TRUE);
  if (fs_req_param (req, "indexable"))
    me->indexable = fs_req_param_bool (req, "indexable", TRUE);
  if (fs_req_param (req, "hide_collections"))
    me->hide_collections = fs_req_param_bool (req, "hide_collections", FALSE);
  set_string (&me->privacy, fs_req_param (req, "source[privacy]"));
  set_string (&me->language, fs_req_param (req, "source[language]"));
  if (fs_req_param (req, "source[sensitive]"))
    me->sensitive = fs_req_param_bool (req, "source[sensitive]", FALSE);
  if (server->api_version >= 10)
    {
      set_string (&me->avatar_description, fs_req_param (req, "avatar_description"));
      set_string (&me->header_description, fs_req_param (req, "header_description"));
    }
  if (fields != NULL)
    {
      g_ptr_array_set_size (me->fields, 0);
      for (guint i = 0; i + 1 < fields->len; i += 2)
        {
          FsField *field;

          if (((char *) g_ptr_array_index (fields, i))[0] == '\0' &&
              ((char *) g_ptr_array_index (fields, i + 1))[0] == '\0')
            continue;
          field = g_new0 (FsField, 1);
          field->name = g_strdup (g_ptr_array_index (fields, i));
          field->value = g_strdup (g_ptr_array_index (fields, i + 1));
          g_ptr_array_add (me->fields, field);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      GBytes *file = g_hash_table_lookup (req->files, images[i]);
      const char *type = g_hash_table_lookup (req->file_types, images[i]);

      if (file == NULL)
        continue;
      if (i == 0)
        {
          g_clear_pointer (&me->avatar, g_bytes_unref);
          me->avatar = g_bytes_ref (file);
          set_string (&me->avatar_type, type);
        }
      else
        {
          g_clear_pointer (&me->header, g_bytes_unref);
          me->header = g_bytes_ref (file);
          set_string (&me->header_type, type);
        }
    }

  fs_reply_json (req, 200, fs_json_account (server, me, TRUE));
}

/* Finding accounts */

static void
get_account (FsRequest *req)
{
  FsActor *actor = fs_req_account_arg (req);

  /* assumed: a deleted account is gone from accounts/:id as from lookup (below). */
  if (actor != NULL && actor->deleted)
    fs_reply_error (req, 404, "Record not found");
  else if (actor != NULL)
    fs_reply_json (req, 200, fs_json_account (req->server, actor, FALSE));
}

/* Only accounts the server already knows (skip_webfinger: true). */
static FsActor *
find_known (FedisimServer *server,
            const char    *acct)
{
  g_auto(GStrv) parts = NULL;

  if (acct == NULL)
    return NULL;
  if (acct[0] == '@')
    acct++;
  parts = g_strsplit (acct, "@", 2);
  if (parts[1] == NULL || g_ascii_strcasecmp (parts[1], server->host) == 0)
    return fs_server_find_local (server, parts[0]);

  {
    FsActor *actor = fs_world_resolve_handle (server->world, acct);

    if (actor != NULL && g_hash_table_contains (server->ids, actor))
      return actor;
  }
  return NULL;
}

static void
lookup (FsRequest *req)
{
  FsActor *actor;

  if (req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      /* gotosocial internal/api/client/accounts/lookup.go: apiutil.TokenAuth (c, true, true,
       * true, true, ScopeReadAccounts) wants a token (401 without), and a moving or moved
       * account gets apiutil.NotFoundAfterMove (internal/api/util/errorhandling.go): 403. */
      if (req->token == NULL || req->token->user == NULL)
        {
          fs_reply_error (req, 401, "Unauthorized: token not supplied");
          return;
        }
      if (req->token->user->moved_to != NULL)
        {
          fs_reply_error (req, 403, "your account has Moved or is currently Moving; you cannot "
                                    "use this endpoint");
          return;
        }
    }
  actor = find_known (req->server, fs_req_param (req, "acct"));

  /* mastodon app/controllers/api/v1/accounts/lookup_controller.rb: 404 {"error":"Record not
   * found"} for an unknown or deleted account (community-facts §2.1); a suspended one is
   * answered, with suspended: true. */
  if (actor == NULL || actor->deleted)
    fs_reply_error (req, 404, "Record not found");
  else
    fs_reply_json (req, 200, fs_json_account (req->server, actor, FALSE));
}

static gboolean
may_see_status (FedisimWorld *world,
                FsStatus     *status,
                FsActor      *viewer)
{
  FsFollow *follow;

  if (viewer == status->account)
    return TRUE;
  if (g_str_equal (status->visibility, "public") || g_str_equal (status->visibility, "unlisted"))
    return TRUE;
  if (viewer == NULL || g_str_equal (status->visibility, "direct"))
    return FALSE;
  follow = fs_world_find_follow (world, viewer, status->account);
  return follow != NULL && !follow->pending;
}

static void
search (FsRequest *req)
{
  FedisimServer *server = req->server;
  const char *q = fs_req_param (req, "q");
  const char *type = fs_req_param (req, "type");
  gboolean resolve = fs_req_param_bool (req, "resolve", FALSE);
  FsActor *viewer = fs_req_user (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if ((resolve || fs_req_param (req, "offset")) && viewer == NULL)
    {
      fs_reply_error (req, 401, "Search queries that resolve remote resources are not supported "
                                "without authentication");
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  if (q != NULL && (type == NULL || g_str_equal (type, "accounts")))
    {
      FsActor *actor = find_known (server, q);

      if (actor == NULL && resolve)
        {
          actor = fs_world_resolve_handle (server->world, q);
          if (actor == NULL && g_str_has_prefix (q, "https://"))
            {
              /* A profile URL: https://host/@name */
              g_autoptr(GUri) uri = g_uri_parse (q, G_URI_FLAGS_NONE, NULL);
              const char *path = uri ? g_uri_get_path (uri) : NULL;

              if (path && g_str_has_prefix (path, "/@"))
                {
                  g_autofree char *handle = g_strdup_printf ("%s@%s:%d", path + 2,
                                                             g_uri_get_host (uri),
                                                             g_uri_get_port (uri));
                  actor = fs_world_resolve_handle (server->world, handle);
                }
            }
        }
      if (actor != NULL)
        json_builder_add_value (builder, fs_json_account (server, actor, FALSE));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_array (builder);
  if (q != NULL && (type == NULL || g_str_equal (type, "statuses")) && g_str_has_prefix (q, "http"))
    {
      FsStatus *status = fs_world_find_status (server->world, q);

      if (status != NULL && (resolve || g_hash_table_contains (server->status_ids, status)) &&
          may_see_status (server->world, status, viewer))
        json_builder_add_value (builder, fs_json_status (server, status, viewer));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "hashtags");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

static void
relationships (FsRequest *req)
{
  GPtrArray *ids = fs_req_param_array (req, "id");
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      FsActor *other = fs_server_actor_by_id (req->server, g_ptr_array_index (ids, i));

      if (other != NULL)
        json_array_add_element (array, fs_json_relationship (req->server, fs_req_user (req), other));
    }
  json_node_take_array (node, array);
  fs_reply_json (req, 200, node);
}

static void
follow_list (FsRequest *req,
             gboolean   followers)
{
  FsActor *actor = fs_req_account_arg (req);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  GPtrArray *edges;

  if (actor == NULL)
    return;

  if (fs_server_snac_gaps (req->server))
    {
      /* snac2 mastoapi.c mastoapi_get_handler(): a local account's "followers" is
       * "out = xs_list_new ()", always empty; a remote account has no "followers" nor
       * "following" branch (out stays NULL): 404. */
      if (actor->home != req->server)
        {
          fs_reply_error (req, 404, "Record not found");
          return;
        }
      if (followers)
        {
          fs_reply_text (req, 200, "application/json", "[]", 2);
          return;
        }
    }

  rows = g_ptr_array_new ();
  edges = followers ? actor->followers : actor->following;
  /* hide_collections: empty for anyone but the owner. */
  if (!actor->hide_collections || fs_req_user (req) == actor)
    for (guint i = 0; i < edges->len; i++)
      {
        FsFollow *follow = g_ptr_array_index (edges, i);

        if (!follow->pending)
          g_ptr_array_add (rows, follow);
      }

  page = fs_page_rows (req, rows, fs_follow_row_id, 40, 80);
  accounts = g_ptr_array_new ();
  for (guint i = 0; i < page->len; i++)
    {
      FsFollow *follow = g_ptr_array_index (page, i);

      g_ptr_array_add (accounts, followers ? follow->from : follow->to);
    }
  fs_reply_json (req, 200, fs_json_accounts (req->server, accounts));
}

static void
following (FsRequest *req)
{
  follow_list (req, FALSE);
}

static void
followers (FsRequest *req)
{
  follow_list (req, TRUE);
}

static guint
follow_cap (FedisimWorld *world,
            FsActor      *me)
{
  guint followers_count = fs_world_count_follows (world, me, TRUE);
  guint ratio_cap = (guint) (followers_count * FS_FOLLOW_CAP_RATIO + 0.5);

  return MAX (ratio_cap, FS_FOLLOW_CAP);
}

/* Follows or updates a follow. With @api, the checks and limits of the API apply (the
 * import path passes FALSE: no 400-a-day limit). Answers only on failure. */
gboolean
fs_actor_follow (FsRequest *req,
                 FsActor   *me,
                 FsActor   *target,
                 gboolean   api)
{
  FedisimWorld *world = req->server->world;
  FsFollow *follow = fs_world_find_follow (world, me, target);
  GPtrArray *languages = fs_req_param_array (req, "languages");

  if (target->moved_to != NULL || target == me || target->suspended)
    {
      fs_reply_error (req, 403, "This action is not allowed");
      return FALSE;
    }
  for (guint i = 0; i < target->blocks->len; i++)
    if (((FsRow *) g_ptr_array_index (target->blocks, i))->target == me)
      {
        fs_reply_error (req, 403, "This action is not allowed");
        return FALSE;
      }

  if (follow == NULL)
    {
      if (me->following->len >= FS_FOLLOW_CAP && me->following->len >= follow_cap (world, me))
        {
          g_autofree char *message = g_strdup_printf ("Validation failed: You cannot follow more "
                                                      "than %u people", follow_cap (world, me));
          fs_reply_error (req, 422, message);
          return FALSE;
        }
      if (api && !fs_rate_take_follow (req, me))
        {
          fs_reply_error (req, 429, "Too many requests");
          return FALSE;
        }
      follow = fs_world_add_follow (world, me, target);
      fs_follow_await_accept (world, follow);
    }

  follow->reblogs = fs_req_param_bool (req, "reblogs", follow->reblogs);
  follow->notify = fs_req_param_bool (req, "notify", follow->notify);
  if (languages != NULL)
    {
      g_clear_pointer (&follow->languages, g_ptr_array_unref);
      follow->languages = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < languages->len; i++)
        if (((char *) g_ptr_array_index (languages, i))[0] != '\0')
          g_ptr_array_add (follow->languages, g_strdup (g_ptr_array_index (languages, i)));
    }
  return TRUE;
}

static void
follow (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);

  if (target != NULL && fs_actor_follow (req, fs_req_user (req), target, TRUE))
    reply_relationship (req, target);
}

static void
unfollow (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);
  FsFollow *edge;

  if (target == NULL)
    return;
  edge = fs_world_find_follow (req->server->world, fs_req_user (req), target);
  if (edge != NULL)
    fs_world_remove_follow (req->server->world, edge);
  reply_relationship (req, target);
}

void
fs_actor_block (FedisimWorld *world,
                FsActor      *me,
                FsActor      *target)
{
  FsFollow *edge;

  for (guint i = 0; i < me->blocks->len; i++)
    if (((FsRow *) g_ptr_array_index (me->blocks, i))->target == target)
      return;
  if ((edge = fs_world_find_follow (world, me, target)) != NULL)
    fs_world_remove_follow (world, edge);
  if ((edge = fs_world_find_follow (world, target, me)) != NULL)
    fs_world_remove_follow (world, edge);
  fs_rows_add (world, me->blocks, target, NULL, NULL);
}

static void
block (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);

  if (target == NULL)
    return;
  fs_actor_block (req->server->world, fs_req_user (req), target);
  reply_relationship (req, target);
}

static void
unblock (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);
  FsActor *me = fs_req_user (req);

  if (target == NULL)
    return;
  for (guint i = 0; i < me->blocks->len; i++)
    if (((FsRow *) g_ptr_array_index (me->blocks, i))->target == target)
      g_ptr_array_remove_index (me->blocks, i--);
  reply_relationship (req, target);
}

/* An upsert: a mute that exists is updated, its expiry set or cleared by this one
 * (gotosocial internal/processing/account/mute.go MuteCreate: PutMute with the existing ID,
 * ExpiresAt only from this form's duration; Mastodon's mute! likewise). */
void
fs_actor_mute (FedisimWorld *world,
               FsActor      *me,
               FsActor      *target,
               gboolean      notifications,
               gint64        expires_at)
{
  FsMute *mute = NULL;

  for (guint i = 0; i < me->mutes->len; i++)
    if (((FsMute *) g_ptr_array_index (me->mutes, i))->target == target)
      mute = g_ptr_array_index (me->mutes, i);
  if (mute == NULL)
    {
      mute = g_new0 (FsMute, 1);
      mute->id = fs_world_next_row_id (world);
      mute->target = target;
      g_ptr_array_add (me->mutes, mute);
    }
  mute->notifications = notifications;
  mute->expires_at = expires_at;
}

static void
mute (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);
  const char *duration = fs_req_param (req, "duration");
  gint64 seconds = duration ? g_ascii_strtoll (duration, NULL, 10) : 0;

  if (target == NULL)
    return;
  /* notifications defaults to true when omitted; duration 0 is forever. */
  fs_actor_mute (req->server->world, fs_req_user (req), target,
                 fs_req_param_bool (req, "notifications", TRUE),
                 seconds > 0 ? fedisim_world_now (req->server->world) + seconds : 0);
  reply_relationship (req, target);
}

static void
unmute (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);
  FsActor *me = fs_req_user (req);

  if (target == NULL)
    return;
  for (guint i = 0; i < me->mutes->len; i++)
    if (((FsMute *) g_ptr_array_index (me->mutes, i))->target == target)
      g_ptr_array_remove_index (me->mutes, i--);
  reply_relationship (req, target);
}

static void
note (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);
  const char *comment = fs_req_param (req, "comment");

  if (target == NULL)
    return;
  if (comment != NULL && g_utf8_strlen (comment, -1) > 2000)
    {
      fs_reply_error (req, 422, "Validation failed: Comment is too long (maximum is 2000 characters)");
      return;
    }
  if (comment == NULL || comment[0] == '\0')
    g_hash_table_remove (fs_req_user (req)->notes, target);
  else
    g_hash_table_replace (fs_req_user (req)->notes, target, g_strdup (comment));
  reply_relationship (req, target);
}

static void
endorse (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);
  FsActor *me = fs_req_user (req);
  FsFollow *edge;

  if (target == NULL)
    return;
  edge = fs_world_find_follow (req->server->world, me, target);
  if (edge == NULL || edge->pending)
    {
      fs_reply_error (req, 422, "Validation failed: You must follow this account to feature it");
      return;
    }
  for (guint i = 0; i < me->endorsements->len; i++)
    if (((FsRow *) g_ptr_array_index (me->endorsements, i))->target == target)
      {
        reply_relationship (req, target);
        return;
      }
  fs_rows_add (req->server->world, me->endorsements, target, NULL, NULL);
  reply_relationship (req, target);
}

static void
unendorse (FsRequest *req)
{
  FsActor *target = fs_req_account_arg (req);
  FsActor *me = fs_req_user (req);

  if (target == NULL)
    return;
  for (guint i = 0; i < me->endorsements->len; i++)
    if (((FsRow *) g_ptr_array_index (me->endorsements, i))->target == target)
      g_ptr_array_remove_index (me->endorsements, i--);
  reply_relationship (req, target);
}

static guint64
status_row_id (gconstpointer row)
{
  return ((const FsStatus *) row)->id;
}

static void
account_statuses (FsRequest *req)
{
  FsActor *actor = fs_req_account_arg (req);
  FsActor *viewer = fs_req_user (req);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) page = NULL;
  JsonArray *array;
  JsonNode *node;
  gboolean pinned = fs_req_param_bool (req, "pinned", FALSE);
  gboolean only_media = fs_req_param_bool (req, "only_media", FALSE);
  gboolean exclude_replies = fs_req_param_bool (req, "exclude_replies", FALSE);

  if (actor == NULL)
    return;
  rows = g_ptr_array_new ();
  for (guint i = 0; i < actor->statuses->len; i++)
    {
      FsStatus *status = g_ptr_array_index (actor->statuses, i);

      if (!may_see_status (req->server->world, status, viewer) ||
          (pinned && !status->pinned) || (only_media && status->media->len == 0) ||
          (exclude_replies && status->in_reply_to != NULL))
        continue;
      g_ptr_array_add (rows, status);
    }
  page = fs_page_rows (req, rows, status_row_id, 20, 40);
  array = json_array_sized_new (page->len);
  for (guint i = 0; i < page->len; i++)
    json_array_add_element (array, fs_json_status (req->server, g_ptr_array_index (page, i), viewer));
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  fs_reply_json (req, 200, node);
}

static void
follow_requests (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();

  for (guint i = 0; i < me->followers->len; i++)
    if (((FsFollow *) g_ptr_array_index (me->followers, i))->pending)
      g_ptr_array_add (rows, g_ptr_array_index (me->followers, i));
  page = fs_page_rows (req, rows, fs_follow_row_id, 40, 80);
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (accounts, ((FsFollow *) g_ptr_array_index (page, i))->from);
  fs_reply_json (req, 200, fs_json_accounts (req->server, accounts));
}

static void
answer_follow_request (FsRequest *req,
                       gboolean   accept)
{
  FsActor *from = fs_req_account_arg (req);
  FsFollow *edge;

  if (from == NULL)
    return;
  edge = fs_world_find_follow (req->server->world, from, fs_req_user (req));
  if (edge == NULL || !edge->pending)
    {
      fs_reply_error (req, 404, "Record not found");
      return;
    }
  if (accept)
    edge->pending = FALSE;
  else
    fs_world_remove_follow (req->server->world, edge);
  reply_relationship (req, from);
}

static void
authorize_follow_request (FsRequest *req)
{
  answer_follow_request (req, TRUE);
}

static void
reject_follow_request (FsRequest *req)
{
  answer_follow_request (req, FALSE);
}

const FsRoute fs_account_routes[] = {
  { "GET", "/api/v1/accounts/verify_credentials", verify_credentials, FS_ROUTE_USER,
    "profile read read:accounts" },
  { "PATCH", "/api/v1/accounts/update_credentials", update_credentials, FS_ROUTE_USER_MOVED,
    SCOPE_WRITE_ACCOUNTS },
  { "GET", "/api/v1/accounts/lookup", lookup, FS_ROUTE_PUBLIC, SCOPE_READ_ACCOUNTS },
  { "GET", "/api/v1/accounts/relationships", relationships, FS_ROUTE_USER, "read read:follows" },
  { "GET", "/api/v2/search", search, FS_ROUTE_PUBLIC, "read read:search" },
  { "GET", "/api/v1/accounts/:id", get_account, FS_ROUTE_PUBLIC, SCOPE_READ_ACCOUNTS },
  { "GET", "/api/v1/accounts/:id/following", following, FS_ROUTE_PUBLIC, SCOPE_READ_ACCOUNTS },
  { "GET", "/api/v1/accounts/:id/followers", followers, FS_ROUTE_PUBLIC, SCOPE_READ_ACCOUNTS },
  { "GET", "/api/v1/accounts/:id/statuses", account_statuses, FS_ROUTE_PUBLIC,
    "read read:statuses" },
  { "POST", "/api/v1/accounts/:id/follow", follow, FS_ROUTE_USER, SCOPE_FOLLOWS },
  { "POST", "/api/v1/accounts/:id/unfollow", unfollow, FS_ROUTE_USER, SCOPE_FOLLOWS },
  { "POST", "/api/v1/accounts/:id/block", block, FS_ROUTE_USER, "follow write write:blocks" },
  { "POST", "/api/v1/accounts/:id/unblock", unblock, FS_ROUTE_USER, "follow write write:blocks" },
  { "POST", "/api/v1/accounts/:id/mute", mute, FS_ROUTE_USER, "follow write write:mutes" },
  { "POST", "/api/v1/accounts/:id/unmute", unmute, FS_ROUTE_USER, "follow write write:mutes" },
  { "POST", "/api/v1/accounts/:id/note", note, FS_ROUTE_USER, SCOPE_WRITE_ACCOUNTS },
  { "POST", "/api/v1/accounts/:id/endorse", endorse, FS_ROUTE_USER, SCOPE_WRITE_ACCOUNTS },
  { "POST", "/api/v1/accounts/:id/unendorse", unendorse, FS_ROUTE_USER, SCOPE_WRITE_ACCOUNTS },
  { "POST", "/api/v1/accounts/:id/pin", endorse, FS_ROUTE_USER, SCOPE_WRITE_ACCOUNTS },
  { "POST", "/api/v1/accounts/:id/unpin", unendorse, FS_ROUTE_USER, SCOPE_WRITE_ACCOUNTS },
  { "GET", "/api/v1/follow_requests", follow_requests, FS_ROUTE_USER, "follow read read:follows" },
  { "POST", "/api/v1/follow_requests/:id/authorize", authorize_follow_request, FS_ROUTE_USER,
    SCOPE_FOLLOWS },
  { "POST", "/api/v1/follow_requests/:id/reject", reject_follow_request, FS_ROUTE_USER,
    SCOPE_FOLLOWS },
  { NULL }
};
