/* fedisim-web.c: the Mastodon settings pages a person uses for a move: aliases, migration,
 * redirect, imports and exports, as real forms behind a sign-in session with a CSRF token
 * (api-facts §5, §7)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

static gboolean
csrf_ok (FsRequest *req)
{
  const char *token = fs_req_param (req, "authenticity_token");

  if (req->session != NULL && token != NULL && g_str_equal (token, req->session->csrf))
    return TRUE;
  fs_reply_html (req, 422, "The change you wanted was rejected", "<p>Invalid authenticity token</p>");
  return FALSE;
}

static char *
error_html (const char *error)
{
  g_autofree char *escaped = error ? fs_html_escape (error) : NULL;

  return escaped ? g_strdup_printf ("<p class=\"error\">%s</p>\n", escaped) : g_strdup ("");
}

/* Aliases (on the new account) */

static void
aliases_page (FsRequest  *req,
              const char *error)
{
  FsActor *me = req->session->user;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *errors = error_html (error);
  g_autofree char *body = NULL;

  for (guint i = 0; i < me->also_known_as->len; i++)
    {
      g_autofree char *uri = fs_html_escape (g_ptr_array_index (me->also_known_as, i));

      g_string_append_printf (rows,
        "<tr><td class=\"alias\">%s</td><td><form action=\"/settings/aliases/%u\" method=\"post\">"
        "<input type=\"hidden\" name=\"_method\" value=\"delete\">"
        "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">"
        "<button type=\"submit\">Unlink alias</button></form></td></tr>\n",
        uri, i, req->session->csrf);
    }

  body = g_strdup_printf (
    "<p>If you want to move from another account to this one, you can create an alias here, "
    "which is required before you can proceed with moving followers from the old account to "
    "this one.</p>\n%s"
    "<form action=\"/settings/aliases\" method=\"post\">\n"
    "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n"
    "<label for=\"account_alias_acct\">Handle of the old account</label>\n"
    "<input type=\"text\" name=\"account_alias[acct]\" id=\"account_alias_acct\">\n"
    "<button type=\"submit\">Create alias</button>\n</form>\n"
    "<table class=\"aliases\">\n%s</table>",
    errors, req->session->csrf, rows->str);
  fs_reply_html (req, error ? 422 : 200, "Account aliases", body);
}

static void
aliases (FsRequest *req)
{
  aliases_page (req, NULL);
}

static void
add_alias (FsRequest *req)
{
  FsActor *me = req->session->user;
  FsActor *old;

  if (!csrf_ok (req))
    return;
  /* Resolved over WebFinger, afresh. */
  old = fs_world_resolve_handle (req->server->world, fs_req_param (req, "account_alias[acct]"));
  if (old == NULL)
    {
      aliases_page (req, "Handle of the old account could not be found");
      return;
    }
  if (old == me)
    {
      aliases_page (req, "Handle of the old account cannot be your current account");
      return;
    }
  if (!fs_actor_has_alias (me, old))
    {
      if (me->also_known_as->len >= 256)
        {
          aliases_page (req, "Too many aliases");
          return;
        }
      g_ptr_array_add (me->also_known_as, g_strdup (old->uri));
    }
  fs_reply_redirect (req, "/settings/aliases");
}

static void
remove_alias (FsRequest *req)
{
  FsActor *me = req->session->user;
  guint index = (guint) g_ascii_strtoull (req->args[0], NULL, 10);

  if (!csrf_ok (req))
    return;
  if (g_strcmp0 (fs_req_param (req, "_method"), "delete") == 0 && index < me->also_known_as->len)
    g_ptr_array_remove_index (me->also_known_as, index);
  fs_reply_redirect (req, "/settings/aliases");
}

/* Migration (on the old account) */

static void
migration_page (FsRequest  *req,
                const char *error)
{
  FsActor *me = req->session->user;
  g_autofree char *errors = error_html (error);
  g_autofree char *state = NULL;
  g_autofree char *body = NULL;
  gint64 now = fedisim_world_now (req->server->world);

  if (me->moved_to != NULL)
    {
      g_autofree char *handle = fs_actor_handle (me->moved_to);

      state = g_strdup_printf (
        "<p class=\"migration-state\">Your account is currently being redirected to "
        "<strong class=\"moved-to\">@%s</strong>.</p>\n"
        "<form action=\"/settings/migration/redirect\" method=\"post\">"
        "<input type=\"hidden\" name=\"_method\" value=\"delete\">"
        "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">"
        "<button type=\"submit\">Cancel redirect</button></form>\n", handle, req->session->csrf);
    }
  else
    state = g_strdup ("<p class=\"migration-state\">Your account is not currently being "
                      "redirected to any other account.</p>\n");

  if (me->moved_at != 0 && now - me->moved_at < FS_MOVE_COOLDOWN)
    {
      g_autofree char *until = fs_iso8601 (me->moved_at + FS_MOVE_COOLDOWN);
      g_autofree char *tmp = g_strdup_printf ("%s<p class=\"cooldown\">You have recently migrated "
                                              "your account. You will be able to migrate again on "
                                              "<time>%s</time>.</p>\n", state, until);
      g_free (state);
      state = g_steal_pointer (&tmp);
    }

  body = g_strdup_printf (
    "%s%s<form action=\"/settings/migration\" method=\"post\">\n"
    "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n"
    "<label for=\"account_migration_acct\">Handle of the new account</label>\n"
    "<input type=\"text\" name=\"account_migration[acct]\" id=\"account_migration_acct\">\n"
    "<label for=\"account_migration_current_password\">Current password</label>\n"
    "<input type=\"password\" name=\"account_migration[current_password]\" "
    "id=\"account_migration_current_password\">\n"
    "<button type=\"submit\">Move followers</button>\n</form>",
    state, errors, req->session->csrf);
  fs_reply_html (req, error ? 422 : 200, "Account migration", body);
}

static void
migration (FsRequest *req)
{
  migration_page (req, NULL);
}

static gboolean
check_password (FsRequest  *req,
                const char *field)
{
  const char *password = fs_req_param (req, field);

  return password != NULL && req->session->user->password != NULL &&
         g_str_equal (password, req->session->user->password);
}

/* AccountMigration's validations, in its order (api-facts §7). */
static void
start_migration (FsRequest *req)
{
  FsActor *me = req->session->user;
  FsActor *target;
  gint64 now = fedisim_world_now (req->server->world);

  if (!csrf_ok (req))
    return;
  if (!check_password (req, "account_migration[current_password]"))
    {
      migration_page (req, "Current password is invalid");
      return;
    }
  target = fs_world_resolve_handle (req->server->world, fs_req_param (req, "account_migration[acct]"));
  if (target == NULL)
    {
      migration_page (req, "Handle of the new account could not be found");
      return;
    }
  if (target == me)
    {
      migration_page (req, "Handle of the new account cannot be the current account");
      return;
    }
  if (me->moved_to == target)
    {
      migration_page (req, "Handle of the new account is the same account you have already moved to");
      return;
    }
  if (!fs_actor_has_alias (target, me))
    {
      migration_page (req, "Handle of the new account is not an alias of this account");
      return;
    }
  if (me->moved_at != 0 && now - me->moved_at < FS_MOVE_COOLDOWN)
    {
      migration_page (req, "You are on cooldown");
      return;
    }

  fs_actor_move (me, target);
  fs_reply_redirect (req, "/settings/migration");
}

static void
redirect_form (FsRequest *req)
{
  g_autofree char *body = g_strdup_printf (
    "<form action=\"/settings/migration/redirect\" method=\"post\">\n"
    "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n"
    "<label for=\"form_redirect_acct\">Handle of the new account</label>\n"
    "<input type=\"text\" name=\"form_redirect[acct]\" id=\"form_redirect_acct\">\n"
    "<label for=\"form_redirect_current_password\">Current password</label>\n"
    "<input type=\"password\" name=\"form_redirect[current_password]\" "
    "id=\"form_redirect_current_password\">\n"
    "<button type=\"submit\">Set redirect</button>\n</form>", req->session->csrf);

  fs_reply_html (req, 200, "Redirect to a different account", body);
}

/* POST: set a redirect only (password, no alias, no cooldown, followers stay);
 * with _method=delete: cancel the redirect (no password; moved followers do not return). */
static void
redirect_submit (FsRequest *req)
{
  FsActor *me = req->session->user;
  FsActor *target;

  if (!csrf_ok (req))
    return;
  if (g_strcmp0 (fs_req_param (req, "_method"), "delete") == 0)
    {
      me->moved_to = NULL;
      fs_reply_redirect (req, "/settings/migration");
      return;
    }
  if (!check_password (req, "form_redirect[current_password]"))
    {
      migration_page (req, "Current password is invalid");
      return;
    }
  target = fs_world_resolve_handle (req->server->world, fs_req_param (req, "form_redirect[acct]"));
  if (target == NULL || target == me)
    {
      migration_page (req, "Handle of the new account could not be found");
      return;
    }
  me->moved_to = target;
  fs_reply_redirect (req, "/settings/migration");
}

/* Imports */

static void
imports_page (FsRequest  *req,
              const char *error)
{
  FsActor *me = req->session->user;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *errors = error_html (error);
  g_autofree char *body = NULL;

  for (guint i = 0; i < req->server->imports->len; i++)
    {
      FsImport *import = g_ptr_array_index (req->server->imports, i);

      if (import->user != me)
        continue;
      g_string_append_printf (rows,
        "<tr class=\"import\" data-id=\"%" G_GUINT64_FORMAT "\"><td class=\"type\">%s</td>"
        "<td class=\"state\">%s</td><td class=\"processed\">%u</td><td class=\"total\">%u</td>"
        "<td class=\"failures\">%u</td></tr>\n",
        import->id, import->type, import->confirmed ? "finished" : "unconfirmed",
        import->processed, import->rows->len, import->failures);
    }

  body = g_strdup_printf (
    "%s<form action=\"/settings/imports\" method=\"post\" enctype=\"multipart/form-data\">\n"
    "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n"
    "<select name=\"form_import[type]\"><option value=\"following\">Following list</option>"
    "<option value=\"blocking\">Blocking list</option><option value=\"muting\">Muting list</option>"
    "<option value=\"domain_blocking\">Domain blocking list</option>"
    "<option value=\"bookmarks\">Bookmarks</option><option value=\"lists\">Lists</option></select>\n"
    "<input type=\"radio\" name=\"form_import[mode]\" value=\"merge\" checked> Merge\n"
    "<input type=\"radio\" name=\"form_import[mode]\" value=\"overwrite\"> Overwrite\n"
    "<input type=\"file\" name=\"form_import[data]\">\n"
    "<button type=\"submit\">Upload</button>\n</form>\n<table class=\"imports\">\n%s</table>",
    errors, req->session->csrf, rows->str);
  fs_reply_html (req, error ? 422 : 200, "Import", body);
}

static void
imports (FsRequest *req)
{
  imports_page (req, NULL);
}

static void
upload_import (FsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  FsImport *import;

  if (!csrf_ok (req))
    return;
  import = fs_import_new (req->server, req->session->user, fs_req_param (req, "form_import[type]"),
                          fs_req_param (req, "form_import[mode]"),
                          g_hash_table_lookup (req->files, "form_import[data]"), &error);
  if (import == NULL)
    {
      imports_page (req, error->message);
      return;
    }
  location = g_strdup_printf ("/settings/imports/%" G_GUINT64_FORMAT, import->id);
  fs_reply_redirect (req, location);
}

/* An unconfirmed import is deleted after 10 minutes (BulkImport::CONFIRM_PERIOD). */
static FsImport *
find_import (FsRequest *req)
{
  guint64 id = g_ascii_strtoull (req->args[0], NULL, 10);
  gint64 now = fedisim_world_now (req->server->world);

  for (guint i = 0; i < req->server->imports->len; i++)
    {
      FsImport *import = g_ptr_array_index (req->server->imports, i);

      if (import->id != id || import->user != req->session->user)
        continue;
      if (!import->confirmed && now - import->created_at > 600)
        break;
      return import;
    }
  fs_reply_html (req, 404, "The page you were looking for doesn't exist", "");
  return NULL;
}

static void
import_page (FsRequest *req)
{
  FsImport *import = find_import (req);
  g_autofree char *body = NULL;

  if (import == NULL)
    return;
  if (import->confirmed)
    body = g_strdup_printf ("<p class=\"import-state\">finished: %u of %u rows processed, "
                            "%u failures</p>", import->processed, import->rows->len, import->failures);
  else
    body = g_strdup_printf (
      "<p class=\"import-state\">You are about to import <strong>%u</strong> rows (%s, %s).</p>\n"
      "<form action=\"/settings/imports/%" G_GUINT64_FORMAT "/confirm\" method=\"post\">\n"
      "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n"
      "<button type=\"submit\">Confirm</button>\n</form>",
      import->rows->len, import->type, import->mode, import->id, req->session->csrf);
  fs_reply_html (req, 200, "Import", body);
}

static void
confirm_import (FsRequest *req)
{
  FsImport *import;

  if (!csrf_ok (req) || (import = find_import (req)) == NULL)
    return;
  if (!import->confirmed)
    fs_import_run (req, req->session->user, import, NULL);
  fs_reply_redirect (req, "/settings/imports");
}

/* Exports */

static void
export_csv (FsRequest *req)
{
  const char *file = req->args[0];
  g_autofree char *kind = NULL;
  g_autofree char *text = NULL;
  g_autofree char *disposition = NULL;
  gsize len = 0;
  static const struct { const char *url; const char *name; } names[] = {
    { "follows", "following_accounts.csv" }, { "blocks", "blocked_accounts.csv" },
    { "mutes", "muted_accounts.csv" }, { "domain_blocks", "blocked_domains.csv" },
    { "lists", "lists.csv" }, { "bookmarks", "bookmarks.csv" },
  };
  const char *name = NULL;

  if (g_str_equal (file, "custom_filters.json") && req->server->api_version >= 10)
    {
      text = fs_export_filters_json (req->server, req->session->user, &len);
      fs_reply_text (req, 200, "application/json", text, len);
      return;
    }
  if (!g_str_has_suffix (file, ".csv"))
    {
      fs_reply_html (req, 404, "The page you were looking for doesn't exist", "");
      return;
    }
  kind = g_strndup (file, strlen (file) - 4);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (kind, names[i].url))
      name = names[i].name;
  if (name != NULL)
    text = fs_export_csv (req->server, req->session->user, kind, &len);
  if (text == NULL)
    {
      fs_reply_html (req, 404, "The page you were looking for doesn't exist", "");
      return;
    }
  disposition = g_strdup_printf ("attachment; filename=\"%s\"", name);
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Content-Disposition", disposition);
  fs_reply_text (req, 200, "text/csv", text, len);
}

static void
profile_settings (FsRequest *req)
{
  g_autofree char *name = fs_html_escape (req->session->user->username);
  g_autofree char *body = g_strdup_printf ("<p class=\"signed-in-as\">@%s</p>", name);

  fs_reply_html (req, 200, "Public profile", body);
}

const FsRoute fs_web_routes[] = {
  { "GET", "/settings/profile", profile_settings, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { "GET", "/settings/aliases", aliases, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { "POST", "/settings/aliases", add_alias, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { "POST", "/settings/aliases/:index", remove_alias, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { "GET", "/settings/migration", migration, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { "POST", "/settings/migration", start_migration, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { "GET", "/settings/migration/redirect/new", redirect_form, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { "POST", "/settings/migration/redirect", redirect_submit, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  /* Imports are not among the pages a moved account may use. */
  { "GET", "/settings/imports", imports, FS_ROUTE_SESSION, NULL, FS_MASTODONS },
  { "POST", "/settings/imports", upload_import, FS_ROUTE_SESSION, NULL, FS_MASTODONS },
  { "GET", "/settings/imports/:id", import_page, FS_ROUTE_SESSION, NULL, FS_MASTODONS },
  { "POST", "/settings/imports/:id/confirm", confirm_import, FS_ROUTE_SESSION, NULL, FS_MASTODONS },
  { "GET", "/settings/exports/:file", export_csv, FS_ROUTE_SESSION_ANY, NULL, FS_MASTODONS },
  { NULL }
};
