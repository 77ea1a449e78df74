/* fedisim-community-api.c: the endpoints a community's roster comes from: the profile
 * directory and the admin account lists of each flavour
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The per-member state checks (accounts/lookup, accounts/:id, the actor, WebFinger, followers)
 * are the ordinary ones in fedisim-api-accounts.c and fedisim-meta.c. Everything here is under
 * /api, so fs_rate_check (fedisim-ratelimit.c) counts it as Mastodon's Rack::Attack does.
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fedisim-private.h"

#define PERM_ADMINISTRATOR  ((guint64) 1)
#define PERM_MANAGE_USERS   ((guint64) 1 << 10)

/* mastodon app/models/account.rb: Account.discoverable builds on searchable (not suspended,
 * not moved: moved_to_account_id nil) and not silenced, with discoverable true
 * (community-facts §1.1, §0.4). */
static gboolean
listed_in_directory (FsActor *actor)
{
  return actor->discoverable && !actor->suspended && !actor->deleted && actor->moved_to == NULL;
}

typedef struct
{
  FsActor *actor;
  guint64  id;
  gint64   last;
} FsListed;

/* Account.not_excluded_by_account (current_account): not blocked or muted by the viewer. */
static gboolean
excluded_by (FsActor *viewer,
             FsActor *actor,
             gint64   now)
{
  if (viewer == NULL)
    return FALSE;
  for (guint i = 0; i < viewer->blocks->len; i++)
    if (((FsRow *) g_ptr_array_index (viewer->blocks, i))->target == actor)
      return TRUE;
  for (guint i = 0; i < viewer->mutes->len; i++)
    {
      FsMute *mute = g_ptr_array_index (viewer->mutes, i);

      if (mute->target == actor && (mute->expires_at == 0 || mute->expires_at > now))
        return TRUE;
    }
  return FALSE;
}

/* by_recent_status: last_status_at DESC NULLS LAST; then the newest account first. */
static int
by_recent_status (gconstpointer a,
                  gconstpointer b)
{
  const FsListed *x = a, *y = b;

  if (x->last != y->last)
    return x->last > y->last ? -1 : 1;
  return x->id > y->id ? -1 : x->id < y->id;
}

/* order=new: Account.order(id: :desc). */
static int
by_newest (gconstpointer a,
           gconstpointer b)
{
  const FsListed *x = a, *y = b;

  return x->id > y->id ? -1 : x->id < y->id;
}

/* mastodon app/controllers/api/v1/directories_controller.rb: Account.discoverable, local
 * only when truthy_param?(:local), order active (default) or new, offset, and
 * limit_param(DEFAULT_ACCOUNTS_LIMIT): 40, at most 80 (app/controllers/api/base_controller.rb).
 * No Link header: the directory pages by offset only. Akkoma: the Pleroma-family router's
 * get("/directory", DirectoryController, :index) (community-facts §1.1; its parameters
 * assumed: Mastodon's). GoToSocial has no directory (the route is not there: 404). */
static void
directory (FsRequest *req)
{
  FedisimServer *server = req->server;
  gboolean local = fs_req_param_bool (req, "local", FALSE);
  const char *order = fs_req_param (req, "order");
  const char *offset_text = fs_req_param (req, "offset");
  guint limit = fs_req_limit (req, 40, 80);
  gint64 offset = offset_text ? g_ascii_strtoll (offset_text, NULL, 10) : 0;
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (FsListed));
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (order != NULL && *order != '\0' && !g_str_equal (order, "active") &&
      !g_str_equal (order, "new"))
    order = NULL;   /* neither scope merged: the discoverable order as it comes */

  g_hash_table_iter_init (&iter, server->ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      FsActor *actor = key;
      FsListed entry = { actor, fs_server_id_for (server, actor), fs_actor_last_status_at (actor) };

      if (!listed_in_directory (actor) || (local && actor->home != server) ||
          excluded_by (fs_req_user (req), actor, fedisim_world_now (server->world)))
        continue;
      g_array_append_val (listed, entry);
    }
  g_array_sort (listed, order != NULL && g_str_equal (order, "new") ? by_newest
                                                                    : by_recent_status);

  for (gint64 i = MAX (offset, 0); i < (gint64) listed->len && page->len < limit; i++)
    g_ptr_array_add (page, g_array_index (listed, FsListed, i).actor);
  fs_reply_json (req, 200, fs_json_accounts (server, page));
}

/* Admin account lists */

static guint64
listed_row_id (gconstpointer row)
{
  return ((const FsListed *) row)->id;
}

static int
by_id_ascending (gconstpointer a,
                 gconstpointer b)
{
  const FsListed *x = *(FsListed * const *) a, *y = *(FsListed * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* The role check after the scope check (both must pass, community-facts §1.2). Returns FALSE
 * when it answered. */
static gboolean
admin_allowed (FsRequest *req)
{
  FsActor *me = fs_req_user (req);

  if (req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      /* gotosocial internal/api/client/admin/accountsgetv1.go: if !*authed.User.Admin,
       * gtserror.NewErrorForbidden (err, err.Error ()) with "user %s not an admin"; then
       * apiutil.ForbiddenAfterMove when the caller's account is moving. */
      if (!(me->role_permissions & PERM_ADMINISTRATOR))
        {
          g_autofree char *text = g_strdup_printf ("Forbidden: user %" G_GUINT64_FORMAT
                                                   " not an admin", me->id);

          fs_reply_error (req, 403, text);
          return FALSE;
        }
      if (me->moved_to != NULL)
        {
          fs_reply_error (req, 403, "your account has Moved or is currently Moving; you cannot "
                                    "take create or update type actions");
          return FALSE;
        }
      return TRUE;
    }
  if (req->server->flavour == FEDISIM_FLAVOUR_AKKOMA)
    {
      /* akkoma docs/docs/development/API/admin_api.md: "the user must be an admin"; the body
       * assumed. */
      if (!(me->role_permissions & PERM_ADMINISTRATOR))
        {
          fs_reply_error (req, 403, "User is not an admin.");
          return FALSE;
        }
      return TRUE;
    }
  /* mastodon app/policies/account_policy.rb: index? is role.can?(:manage_users), and the
   * administrator bit grants every permission (app/models/user_role.rb); the refusal is
   * Pundit's, rendered by app/controllers/concerns/api/error_handling.rb as 403 "This action is
   * not allowed". */
  if (!(me->role_permissions & (PERM_ADMINISTRATOR | PERM_MANAGE_USERS)))
    {
      fs_reply_error (req, 403, "This action is not allowed");
      return FALSE;
    }
  return TRUE;
}

typedef enum
{
  ORIGIN_ANY,
  ORIGIN_LOCAL,
  ORIGIN_REMOTE,
} FsOrigin;

typedef struct
{
  FsOrigin    origin;
  const char *status;     /* NULL: any */
  const char *username;   /* a prefix, or NULL */
} FsAdminFilter;

static gboolean
admin_matches (FedisimServer       *server,
               FsActor             *actor,
               const FsAdminFilter *filter)
{
  gboolean gone = actor->suspended || actor->deleted;

  if (filter->origin == ORIGIN_LOCAL && actor->home != server)
    return FALSE;
  if (filter->origin == ORIGIN_REMOTE && actor->home == server)
    return FALSE;
  /* mastodon app/models/account_filter.rb: active is Account.without_suspended (moved
   * accounts and disabled logins stay in); a deleted account is a suspended one there. */
  if (filter->status != NULL)
    {
      if (g_str_equal (filter->status, "active") && gone)
        return FALSE;
      if (g_str_equal (filter->status, "suspended") && !gone)
        return FALSE;
      if (!g_str_equal (filter->status, "active") && !g_str_equal (filter->status, "suspended"))
        return FALSE;   /* pending, disabled, silenced, sensitized: fedisim has none */
    }
  if (filter->username != NULL &&
      g_ascii_strncasecmp (actor->username, filter->username, strlen (filter->username)) != 0)
    return FALSE;
  return TRUE;
}

/* mastodon app/serializers/rest/admin/account_serializer.rb */
static JsonNode *
admin_account_json (FedisimServer *server,
                    FsActor       *actor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, fs_server_id_for (server, actor));
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (actor->created_at);
  g_autofree char *created_at = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S.000Z");
  gboolean local = actor->home == server;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, actor->username);
  json_builder_set_member_name (builder, "domain");
  if (local)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, actor->home->host);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created_at);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, local ? actor->email : "");
  json_builder_set_member_name (builder, "ip");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "ips");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "locale");
  json_builder_add_string_value (builder, actor->language);
  json_builder_set_member_name (builder, "invite_request");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "confirmed");
  json_builder_add_boolean_value (builder, local);
  json_builder_set_member_name (builder, "approved");
  json_builder_add_boolean_value (builder, local);
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "silenced");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "sensitized");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "suspended");
  json_builder_add_boolean_value (builder, actor->suspended || actor->deleted);
  json_builder_set_member_name (builder, "account");
  json_builder_add_value (builder, fs_json_account (server, actor, FALSE));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The Link header keeps the filters (api_v2_admin_accounts_url (pagination_params (...)),
 * PAGINATION_PARAMS = limit + FILTER_PARAMS). */
static void
admin_link_header (FsRequest *req,
                   GPtrArray *page,
                   guint      limit)
{
  static const char *kept[] = { "origin", "status", "permissions", "username", "by_domain",
                                "display_name", "email", "ip", "local", "remote", "active",
                                "pending", "disabled", "silenced", "suspended", "staff", NULL };
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autoptr(GString) link = g_string_new (NULL);

  for (guint i = 0; kept[i] != NULL; i++)
    {
      const char *value = fs_req_param (req, kept[i]);

      if (value != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

          g_string_append_printf (extra, "&%s=%s", kept[i], escaped);
        }
    }
  if (page->len == limit && page->len > 0)
    g_string_append_printf (link, "<%s%s?limit=%u&max_id=%" G_GUINT64_FORMAT "%s>; rel=\"next\"",
                            req->server->base_url, req->path, limit,
                            listed_row_id (g_ptr_array_index (page, page->len - 1)), extra->str);
  if (page->len > 0)
    g_string_append_printf (link, "%s<%s%s?limit=%u&min_id=%" G_GUINT64_FORMAT "%s>; rel=\"prev\"",
                            link->len ? ", " : "", req->server->base_url, req->path, limit,
                            listed_row_id (g_ptr_array_index (page, 0)), extra->str);
  soup_message_headers_remove (soup_server_message_get_response_headers (req->msg), "Link");
  if (link->len > 0)
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "Link", link->str);
}

static void
admin_accounts (FsRequest *req,
                gboolean   v2)
{
  FedisimServer *server = req->server;
  FsAdminFilter filter = { ORIGIN_ANY, NULL, fs_req_param (req, "username") };
  gboolean gts = server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL;
  /* mastodon app/controllers/api/v1/admin/accounts_controller.rb: LIMIT = 100, at most 200;
   * gotosocial internal/api/client/admin/accountsgetv1.go: 50, at most 200. */
  guint default_limit = gts ? 50 : 100;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) page = NULL;
  JsonArray *array;
  JsonNode *root;
  GHashTableIter iter;
  gpointer key;

  if (!admin_allowed (req))
    return;

  if (v2)
    {
      const char *origin = fs_req_param (req, "origin");
      const char *status = fs_req_param (req, "status");
      static const char *statuses[] = { "active", "pending", "disabled", "silenced",
                                        "suspended", "sensitized", NULL };

      /* mastodon app/models/account_filter.rb: an unknown value raises
       * Mastodon::InvalidParameterError, 400 (app/controllers/concerns/api/error_handling.rb). */
      if (origin != NULL && *origin != '\0')
        {
          if (g_str_equal (origin, "local"))
            filter.origin = ORIGIN_LOCAL;
          else if (g_str_equal (origin, "remote"))
            filter.origin = ORIGIN_REMOTE;
          else
            {
              g_autofree char *text = g_strdup_printf ("Unknown origin: %s", origin);

              fs_reply_error (req, 400, text);
              return;
            }
        }
      if (status != NULL && *status != '\0')
        {
          if (!g_strv_contains (statuses, status))
            {
              g_autofree char *text = g_strdup_printf ("Unknown status: %s", status);

              fs_reply_error (req, 400, text);
              return;
            }
          filter.status = status;
        }
    }
  else
    {
      /* v1: filter_params, and local + active when none of them is given. */
      gboolean any = FALSE;
      static const char *keys[] = { "local", "remote", "active", "pending", "disabled",
                                    "silenced", "suspended", "sensitized", "staff", NULL };

      for (guint i = 0; keys[i] != NULL; i++)
        any = any || fs_req_param (req, keys[i]) != NULL;
      if (!any || fs_req_param_bool (req, "local", FALSE))
        filter.origin = ORIGIN_LOCAL;
      else if (fs_req_param_bool (req, "remote", FALSE))
        filter.origin = ORIGIN_REMOTE;
      if (!any || fs_req_param_bool (req, "active", FALSE))
        filter.status = "active";
      else if (fs_req_param_bool (req, "suspended", FALSE))
        filter.status = "suspended";
      else if (fs_req_param_bool (req, "pending", FALSE) ||
               fs_req_param_bool (req, "disabled", FALSE) ||
               fs_req_param_bool (req, "silenced", FALSE))
        filter.status = "pending";
    }

  /* Every account the server knows, by the id it gives them, oldest first (the pages go
   * newest first: ordered by id desc). */
  g_hash_table_iter_init (&iter, server->ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (admin_matches (server, key, &filter))
      {
        FsListed *row = g_new0 (FsListed, 1);

        row->actor = key;
        row->id = fs_server_id_for (server, key);
        g_ptr_array_add (rows, row);
      }
  g_ptr_array_sort (rows, by_id_ascending);
  page = fs_page_rows (req, rows, listed_row_id, default_limit, 200);
  admin_link_header (req, page, fs_req_limit (req, default_limit, 200));

  root = json_node_new (JSON_NODE_ARRAY);
  array = json_array_new ();
  for (guint i = 0; i < page->len; i++)
    {
      FsListed *row = g_ptr_array_index (page, i);

      json_array_add_element (array, admin_account_json (server, row->actor));
    }
  json_node_take_array (root, array);
  fs_reply_json (req, 200, root);
}

static void
admin_accounts_v1 (FsRequest *req)
{
  admin_accounts (req, FALSE);
}

static void
admin_accounts_v2 (FsRequest *req)
{
  admin_accounts (req, TRUE);
}

/* akkoma docs/docs/development/API/admin_api.md, GET /api/v1/pleroma/admin/users:
 * filters=local,external,active,deactivated,is_admin,is_moderator,..., page (from 1),
 * page_size (default 50), answered as {count, page_size, users: [...]}; the unversioned
 * /api/pleroma/admin/ routes went in Akkoma 3.6.0 (same file). The order assumed: newest first. */
static void
pleroma_users (FsRequest *req)
{
  FedisimServer *server = req->server;
  const char *filters_text = fs_req_param (req, "filters");
  const char *page_text = fs_req_param (req, "page");
  const char *size_text = fs_req_param (req, "page_size");
  g_auto(GStrv) filters = g_strsplit (filters_text ? filters_text : "", ",", -1);
  gint64 page = page_text ? MAX (g_ascii_strtoll (page_text, NULL, 10), 1) : 1;
  gint64 size = size_text ? g_ascii_strtoll (size_text, NULL, 10) : 50;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();

  if (!admin_allowed (req))
    return;
  if (size <= 0)
    size = 50;

  for (guint i = server->actors->len; i > 0; i--)
    {
      FsActor *actor = g_ptr_array_index (server->actors, i - 1);
      gboolean active = !actor->suspended && !actor->deleted;

      if (g_strv_contains ((const char * const *) filters, "external"))
        continue;   /* only local accounts are kept in server->actors */
      if (g_strv_contains ((const char * const *) filters, "active") && !active)
        continue;
      if (g_strv_contains ((const char * const *) filters, "deactivated") && active)
        continue;
      if (g_strv_contains ((const char * const *) filters, "is_admin") &&
          !(actor->role_permissions & PERM_ADMINISTRATOR))
        continue;
      if (g_strv_contains ((const char * const *) filters, "is_moderator") &&
          (actor->role_permissions == 0 || (actor->role_permissions & PERM_ADMINISTRATOR)))
        continue;
      g_ptr_array_add (matching, actor);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, matching->len);
  json_builder_set_member_name (builder, "page_size");
  json_builder_add_int_value (builder, size);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  for (gint64 i = (page - 1) * size; i < (gint64) matching->len && i < page * size; i++)
    {
      FsActor *actor = g_ptr_array_index (matching, i);
      g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, actor->id);
      g_autofree char *url = g_strdup_printf ("%s/@%s", server->base_url, actor->username);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "nickname");
      json_builder_add_string_value (builder, actor->username);
      json_builder_set_member_name (builder, "display_name");
      json_builder_add_string_value (builder, actor->display_name);
      json_builder_set_member_name (builder, "email");
      json_builder_add_string_value (builder, actor->email);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "local");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "is_active");
      json_builder_add_boolean_value (builder, !actor->suspended && !actor->deleted);
      json_builder_set_member_name (builder, "deactivated");
      json_builder_add_boolean_value (builder, actor->suspended || actor->deleted);
      json_builder_set_member_name (builder, "is_confirmed");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "is_approved");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "actor_type");
      json_builder_add_string_value (builder, "Person");
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "admin");
      json_builder_add_boolean_value (builder, (actor->role_permissions & PERM_ADMINISTRATOR) != 0);
      json_builder_set_member_name (builder, "moderator");
      json_builder_add_boolean_value (builder, actor->role_permissions != 0 &&
                                               !(actor->role_permissions & PERM_ADMINISTRATOR));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

#define SCOPE_ADMIN_ACCOUNTS "admin:read admin:read:accounts"

const FsRoute fs_community_routes[] = {
  { "GET", "/api/v1/directory", directory, FS_ROUTE_PUBLIC, "read read:accounts",
    FS_MASTODONS | FS_F (FEDISIM_FLAVOUR_AKKOMA) },
  /* mastodon app/controllers/api/v1/admin/accounts_controller.rb: doorkeeper_authorize!
   * :'admin:read', :'admin:read:accounts', then require_staff!-style policy checks; the v2
   * controller subclasses it. gotosocial: ScopeAdminReadAccounts. */
  { "GET", "/api/v1/admin/accounts", admin_accounts_v1, FS_ROUTE_USER, SCOPE_ADMIN_ACCOUNTS,
    FS_MASTODONS },
  { "GET", "/api/v2/admin/accounts", admin_accounts_v2, FS_ROUTE_USER, SCOPE_ADMIN_ACCOUNTS,
    FS_MASTODONS },
  /* gotosocial: the handler checks the move itself (ForbiddenAfterMove). */
  { "GET", "/api/v1/admin/accounts", admin_accounts_v1, FS_ROUTE_USER_MOVED, SCOPE_ADMIN_ACCOUNTS,
    FS_F (FEDISIM_FLAVOUR_GOTOSOCIAL) },
  { "GET", "/api/v2/admin/accounts", admin_accounts_v2, FS_ROUTE_USER_MOVED, SCOPE_ADMIN_ACCOUNTS,
    FS_F (FEDISIM_FLAVOUR_GOTOSOCIAL) },
  { "GET", "/api/v1/pleroma/admin/users", pleroma_users, FS_ROUTE_USER, SCOPE_ADMIN_ACCOUNTS,
    FS_F (FEDISIM_FLAVOUR_AKKOMA) },
  { "GET", "/api/pleroma/admin/users", pleroma_users, FS_ROUTE_USER, SCOPE_ADMIN_ACCOUNTS,
    FS_F (FEDISIM_FLAVOUR_AKKOMA) },
  { NULL }
};
