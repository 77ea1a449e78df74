/* fedisim-migration.c: the move itself, and the migration APIs of GoToSocial and Akkoma
 * (api-facts §7, §8)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

gboolean
fs_actor_has_alias (FsActor *target,
                    FsActor *origin)
{
  for (guint i = 0; i < target->also_known_as->len; i++)
    if (g_str_equal (g_ptr_array_index (target->also_known_as, i), origin->uri))
      return TRUE;
  return FALSE;
}

/* Sets the redirect and sends the Move to every follower's server (MoveService). */
void
fs_actor_move (FsActor *origin,
               FsActor *target)
{
  FedisimWorld *world = origin->home->world;

  origin->moved_to = target;
  origin->moved_at = fedisim_world_now (world);
  fs_world_deliver_move (world, origin, target);
}

/* GoToSocial */

/* gotosocial internal/api/model/account.go: AccountAliasRequest binds
 * `form:"also_known_as_uris" json:"also_known_as_uris"` and the handler
 * (internal/api/client/accounts/accountalias.go) calls c.ShouldBind: gin takes the exact
 * key, repeated, from the form or the query, or the JSON array. Unlike Rails, a
 * `also_known_as_uris[]` key is another field: the list arrives empty. */
static GPtrArray *
gts_form_array (FsRequest  *req,
                const char *name)
{
  GHashTable *tables[] = { req->form, req->query };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GPtrArray *values = tables[i] ? g_hash_table_lookup (tables[i], name) : NULL;

      if (values != NULL)
        return values;
    }
  return NULL;
}

/* gotosocial internal/processing/account/alias.go: the list given replaces the account's
 * aliases; an empty one unsets them all (200, no error); each URI must be http(s) (400),
 * duplicates and the account itself are skipped, each must dereference (422). */
static void
gts_alias (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  GPtrArray *uris = gts_form_array (req, "also_known_as_uris");
  g_autoptr(GPtrArray) resolved = g_ptr_array_new ();

  for (guint i = 0; uris && i < uris->len; i++)
    {
      const char *uri = g_ptr_array_index (uris, i);
      FsActor *actor;

      if (!g_str_has_prefix (uri, "https://") && !g_str_has_prefix (uri, "http://"))
        {
          g_autofree char *message = g_strdup_printf ("Bad Request: invalid also_known_as_uri (%s) "
                                                      "provided in account alias request: uri must "
                                                      "not be empty and scheme must be http or https",
                                                      uri);
          fs_reply_error (req, 400, message);
          return;
        }
      if (g_str_equal (uri, me->uri))
        continue;   /* "Don't let account do anything daft by aliasing to itself." */
      actor = fs_world_find_actor (req->server->world, uri);
      if (actor == NULL)
        {
          g_autofree char *message = g_strdup_printf ("Unprocessable Entity: error dereferencing "
                                                      "also_known_as_uri (%s) account", uri);
          fs_reply_error (req, 422, message);
          return;
        }
      if (actor->suspended)
        {
          g_autofree char *message = g_strdup_printf ("Unprocessable Entity: target account %s is "
                                                      "suspended from this instance", uri);
          fs_reply_error (req, 422, message);
          return;
        }
      if (g_ptr_array_find (resolved, actor, NULL))
        continue;
      g_ptr_array_add (resolved, actor);
    }

  g_ptr_array_set_size (me->also_known_as, 0);
  for (guint i = 0; i < resolved->len; i++)
    {
      FsActor *actor = g_ptr_array_index (resolved, i);

      fs_server_id_for (req->server, actor);
      g_ptr_array_add (me->also_known_as, g_strdup (actor->uri));
    }
  fs_reply_json (req, 200, fs_json_account (req->server, me, TRUE));
}

static void
gts_move (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  const char *password = fs_req_param (req, "password");
  const char *uri = fs_req_param (req, "moved_to_uri");
  gint64 now = fedisim_world_now (req->server->world);
  FsActor *target;

  /* gotosocial internal/processing/account/move.go: both are gtserror.NewErrorBadRequest. */
  if (password == NULL || password[0] == '\0')
    {
      fs_reply_error (req, 400, "Bad Request: no password provided in account Move request");
      return;
    }
  if (me->password == NULL || !g_str_equal (password, me->password))
    {
      fs_reply_error (req, 400, "Bad Request: invalid password provided in account Move request");
      return;
    }
  target = uri ? fs_world_find_actor (req->server->world, uri) : NULL;
  if (target == NULL)
    {
      fs_reply_error (req, 422, "Unprocessable Entity: moved_to_uri could not be dereferenced");
      return;
    }
  if (target == me)
    {
      fs_reply_error (req, 422, "Unprocessable Entity: you cannot move to your own account");
      return;
    }
  /* 5 minutes between attempts: gotosocial applies it where the Move is processed
   * (internal/processing/workers/fromfediapi_move.go ShouldProcessMove: "a Move involving
   * the origin and target within the last 5 minutes"); assumed: fedisim says it at the API. */
  if (me->last_move_attempt != 0 && now - me->last_move_attempt < 5 * 60)
    {
      fs_reply_error (req, 422, "Unprocessable Entity: your account has attempted to move "
                                "within the last 5 minutes, please try again later");
      return;
    }
  me->last_move_attempt = now;
  /* gotosocial internal/processing/account/move.go: already moved elsewhere, not aliased
   * (moveTargetNotAliased), a target that has itself moved (moveTargetMoved): 422 each.
   * There is no way to undo a move: no cancel, no API to clear moved_to_uri. */
  if (me->moved_to != NULL && me->moved_to != target)
    {
      g_autofree char *message = g_strdup_printf ("Unprocessable Entity: account %s is already "
                                                  "Moved to %s, cannot also Move to %s", me->uri,
                                                  me->moved_to->uri, target->uri);
      fs_reply_error (req, 422, message);
      return;
    }
  if (!fs_actor_has_alias (target, me))
    {
      g_autofree char *message = g_strdup_printf ("Unprocessable Entity: target account %s is not "
                                                  "aliased to this account via alsoKnownAs; to "
                                                  "Move to the target account from this one, you "
                                                  "must log in to the target account and set "
                                                  "alsoKnownAs to %s", target->uri, me->uri);
      fs_reply_error (req, 422, message);
      return;
    }
  if (target->moved_to != NULL)
    {
      g_autofree char *message = g_strdup_printf ("Unprocessable Entity: target account %s has "
                                                  "already Moved somewhere else (%s); you will not "
                                                  "be able to Move to that account", target->uri,
                                                  target->moved_to->uri);
      fs_reply_error (req, 422, message);
      return;
    }
  /* Re-sending the Move to the same target is allowed; a new target waits 7 days after a
   * successful move involving either account. */
  if (me->moved_to != target &&
      ((me->moved_at != 0 && now - me->moved_at < FS_GTS_MOVE_COOLDOWN) ||
       (target->moved_at != 0 && now - target->moved_at < FS_GTS_MOVE_COOLDOWN)))
    {
      fs_reply_error (req, 422, "Unprocessable Entity: your account or the target account have "
                                "moved within the last 7 days, please try again later");
      return;
    }

  fs_actor_move (me, target);
  fs_reply_text (req, 202, "application/json; charset=utf-8", "{}", 2);
}

static void
gts_import (FsRequest *req)
{
  const char *type = fs_req_param (req, "type");
  const char *mastodon_type = NULL;
  g_autoptr(GError) error = NULL;
  FsImport *import;

  /* following and blocks from 0.17, mutes from 0.19 */
  if (g_strcmp0 (type, "following") == 0)
    mastodon_type = "following";
  else if (g_strcmp0 (type, "blocks") == 0)
    mastodon_type = "blocking";
  else if (g_strcmp0 (type, "mutes") == 0)
    mastodon_type = "muting";
  if (mastodon_type == NULL)
    {
      fs_reply_error (req, 400, "Bad Request: type not supported");
      return;
    }

  import = fs_import_new (req->server, fs_req_user (req), mastodon_type, fs_req_param (req, "mode"),
                          g_hash_table_lookup (req->files, "data"), &error);
  if (import == NULL)
    {
      g_autofree char *message = g_strdup_printf ("Bad Request: %s", error->message);
      fs_reply_error (req, 400, message);
      return;
    }
  /* 202, and the rows are worked off afterwards (fs_import_start). */
  fs_import_start (req->server, import);
  fs_reply_text (req, 202, "application/json; charset=utf-8", "{}", 2);
}

static void
gts_export (FsRequest *req)
{
  const char *file = req->args[0];
  g_autofree char *kind = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (g_str_equal (file, "following.csv"))
    kind = g_strdup ("follows");
  else if (g_str_has_suffix (file, ".csv"))
    kind = g_strndup (file, strlen (file) - 4);
  if (kind != NULL && (g_str_equal (kind, "follows") || g_str_equal (kind, "followers") ||
                       g_str_equal (kind, "lists") || g_str_equal (kind, "blocks") ||
                       g_str_equal (kind, "mutes")))
    text = fs_export_csv (req->server, fs_req_user (req), kind, &len);
  if (text == NULL)
    {
      fs_reply_error (req, 404, "Not Found");
      return;
    }
  fs_reply_text (req, 200, "text/csv", text, len);
}

static void
gts_export_stats (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "followers_count");
  json_builder_add_int_value (builder, fs_world_count_follows (req->server->world, me, TRUE));
  json_builder_set_member_name (builder, "following_count");
  json_builder_add_int_value (builder, fs_world_count_follows (req->server->world, me, FALSE));
  json_builder_set_member_name (builder, "statuses_count");
  json_builder_add_int_value (builder, me->statuses->len);
  json_builder_set_member_name (builder, "lists_count");
  json_builder_add_int_value (builder, me->lists->len);
  json_builder_set_member_name (builder, "blocks_count");
  json_builder_add_int_value (builder, me->blocks->len);
  json_builder_set_member_name (builder, "mutes_count");
  json_builder_add_int_value (builder, me->mutes->len);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

/* Akkoma and Pleroma */

static void
akkoma_ok (FsRequest *req)
{
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{\"status\":\"success\"}", 20);
}

static void
akkoma_aliases (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < me->also_known_as->len; i++)
    {
      FsActor *actor = fs_world_find_actor (req->server->world, g_ptr_array_index (me->also_known_as, i));
      g_autofree char *handle = actor ? fs_actor_handle (actor) : NULL;

      json_builder_add_string_value (builder, handle ? handle : g_ptr_array_index (me->also_known_as, i));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

/* In Akkoma the alias must already be known locally (get_cached_by_nickname, no fetch). */
static FsActor *
akkoma_known (FsRequest  *req,
              const char *handle)
{
  FsActor *actor = fs_world_resolve_handle (req->server->world, handle);

  if (actor != NULL && !g_hash_table_contains (req->server->ids, actor))
    return NULL;
  return actor;
}

static void
akkoma_add_alias (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  FsActor *alias = akkoma_known (req, fs_req_param (req, "alias"));

  if (alias == NULL)
    {
      fs_reply_error (req, 404, "Account not found");
      return;
    }
  if (!fs_actor_has_alias (me, alias))
    g_ptr_array_add (me->also_known_as, g_strdup (alias->uri));
  akkoma_ok (req);
}

static void
akkoma_delete_alias (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  FsActor *alias = akkoma_known (req, fs_req_param (req, "alias"));

  if (alias == NULL || !fs_actor_has_alias (me, alias))
    {
      fs_reply_error (req, 404, "Account has no such alias.");
      return;
    }
  for (guint i = 0; i < me->also_known_as->len; i++)
    if (g_str_equal (g_ptr_array_index (me->also_known_as, i), alias->uri))
      g_ptr_array_remove_index (me->also_known_as, i--);
  akkoma_ok (req);
}

/* Errors come back as JSON with HTTP 200 (api-facts §8). */
static void
akkoma_move (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  const char *password = fs_req_param (req, "password");
  FsActor *target;

  if (password == NULL || me->password == NULL || !g_str_equal (password, me->password))
    {
      fs_reply_error (req, 200, "Invalid password.");
      return;
    }
  target = fs_world_resolve_handle (req->server->world, fs_req_param (req, "target_account"));
  if (target == NULL)
    {
      fs_reply_error (req, 404, "Target account not found.");
      return;
    }
  fs_server_id_for (req->server, target);
  if (!fs_actor_has_alias (target, me))
    {
      fs_reply_error (req, 200, "Target account must have the origin in `alsoKnownAs`");
      return;
    }
  fs_actor_move (me, target);
  akkoma_ok (req);
}

static void
akkoma_import (FsRequest  *req,
               const char *type)
{
  const char *list = fs_req_param (req, "list");
  GBytes *file = g_hash_table_lookup (req->files, "list");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  FsImport *import;

  /* A whitespace-separated list of accounts, as a string or a file. */
  if (file != NULL)
    data = g_bytes_ref (file);
  else if (list != NULL)
    {
      g_auto(GStrv) accounts = g_strsplit_set (list, " \t\r\n", -1);
      g_autoptr(GString) csv = g_string_new (NULL);

      for (guint i = 0; accounts[i]; i++)
        if (accounts[i][0] != '\0')
          g_string_append_printf (csv, "%s\n", accounts[i]);
      data = g_bytes_new (csv->str, csv->len);
    }
  import = fs_import_new (req->server, fs_req_user (req), type, "merge", data, &error);
  if (import == NULL)
    {
      fs_reply_error (req, 200, error->message);
      return;
    }
  fs_import_run (req, fs_req_user (req), import, NULL);
  fs_reply_text (req, 200, "application/json; charset=utf-8", "\"job started\"", 13);
}

static void
akkoma_follow_import (FsRequest *req)
{
  akkoma_import (req, "following");
}

static void
akkoma_blocks_import (FsRequest *req)
{
  akkoma_import (req, "blocking");
}

static void
akkoma_mutes_import (FsRequest *req)
{
  akkoma_import (req, "muting");
}

#define GTS FS_F (FEDISIM_FLAVOUR_GOTOSOCIAL)
#define AKKOMA FS_F (FEDISIM_FLAVOUR_AKKOMA)

const FsRoute fs_migration_routes[] = {
  { "POST", "/api/v1/accounts/alias", gts_alias, FS_ROUTE_USER_MOVED, "write write:accounts", GTS },
  { "POST", "/api/v1/accounts/move", gts_move, FS_ROUTE_USER_MOVED, "write write:accounts", GTS },
  { "POST", "/api/v1/import", gts_import, FS_ROUTE_USER, "write", GTS },
  { "GET", "/api/v1/exports/stats", gts_export_stats, FS_ROUTE_USER, "read", GTS },
  { "GET", "/api/v1/exports/:file", gts_export, FS_ROUTE_USER, "read", GTS },
  { "GET", "/api/pleroma/aliases", akkoma_aliases, FS_ROUTE_USER, "read read:accounts", AKKOMA },
  { "PUT", "/api/pleroma/aliases", akkoma_add_alias, FS_ROUTE_USER, "write write:accounts", AKKOMA },
  { "DELETE", "/api/pleroma/aliases", akkoma_delete_alias, FS_ROUTE_USER, "write write:accounts", AKKOMA },
  { "POST", "/api/pleroma/move_account", akkoma_move, FS_ROUTE_USER, "write write:accounts", AKKOMA },
  { "POST", "/api/pleroma/follow_import", akkoma_follow_import, FS_ROUTE_USER, "follow write write:follows", AKKOMA },
  { "POST", "/api/pleroma/blocks_import", akkoma_blocks_import, FS_ROUTE_USER, "follow write write:blocks", AKKOMA },
  { "POST", "/api/pleroma/mutes_import", akkoma_mutes_import, FS_ROUTE_USER, "follow write write:mutes", AKKOMA },
  { NULL }
};
