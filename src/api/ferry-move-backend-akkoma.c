/* ferry-move-backend-akkoma.c: Akkoma's and Pleroma's alias and move API
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lib/pleroma/web/twitter_api/controllers/util_controller.ex (api-facts §8): aliases are
 * GET/PUT/DELETE /api/pleroma/aliases with alias=nick@host, and in Akkoma the alias must
 * already be known locally (get_cached_by_nickname, no fetch): the origin is looked up
 * with resolve first. The move is /api/pleroma/move_account with password and
 * target_account. Refusals often come as {"error": …} with HTTP 200.
 */

#define G_LOG_DOMAIN "ferry-move-backend"

#include "config.h"

#include <string.h>

#include "ferry-api-error.h"
#include "ferry-handle.h"
#include "ferry-move-backend-akkoma.h"
#include "ferry-move-endpoints.h"
#include "ferry-params.h"

struct _FerryMoveBackendAkkoma
{
  FerryMoveBackend parent_instance;
};

G_DEFINE_FINAL_TYPE (FerryMoveBackendAkkoma, ferry_move_backend_akkoma,
                     FERRY_TYPE_MOVE_BACKEND)

static FerryMoveWebStep *
akkoma_web_step (FerryMoveBackend *self,
                 FerryMoveWebPage     page,
                 const char       *acct,
                 const char       *other_acct)
{
  return NULL;   /* alias and move through the API; assumed: no way to cancel a redirect */
}

typedef struct
{
  char *origin_uri;
  char *origin_acct;
} Alias;

static void
alias_free (Alias *alias)
{
  g_free (alias->origin_uri);
  g_free (alias->origin_acct);
  g_free (alias);
}

/* An alias as Akkoma lists it: nick@host, or nick alone for a local account. */
static gboolean
same_account (const char *listed,
              const char *acct,
              const char *host)
{
  g_autofree char *full = strchr (listed, '@') ? g_strdup (listed)
                                               : g_strdup_printf ("%s@%s", listed, host);
  g_autoptr(FerryHandle) a = ferry_handle_parse (full, FERRY_HANDLE_PARSE_DEFAULT, NULL);
  g_autoptr(FerryHandle) b = ferry_handle_parse (acct, FERRY_HANDLE_PARSE_DEFAULT, NULL);

  return a != NULL && b != NULL && ferry_handle_equal (a, b);
}

static void
aliases_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Alias *alias = g_task_get_task_data (task);
  const char *host = ferry_client_get_host (FERRY_CLIENT (object));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);
  JsonNode *list = node && JSON_NODE_HOLDS_OBJECT (node)
                     ? json_object_get_member (json_node_get_object (node), "aliases") : NULL;
  JsonArray *aliases = list && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
    {
      JsonNode *element = json_array_get_element (aliases, i);
      const char *text = JSON_NODE_HOLDS_VALUE (element) &&
                         json_node_get_value_type (element) == G_TYPE_STRING
                           ? json_node_get_string (element) : NULL;

      if (text != NULL && (g_str_equal (text, alias->origin_uri) ||
                           (strchr (text, '/') == NULL &&
                            same_account (text, alias->origin_acct, host))))
        {
          g_task_return_int (task, 1);
          return;
        }
    }
  g_task_return_int (task, 0);
}

static Alias *
alias_new (const char *origin_uri,
           const char *origin_acct)
{
  Alias *alias = g_new0 (Alias, 1);

  alias->origin_uri = g_strdup (origin_uri);
  alias->origin_acct = g_strdup (origin_acct);
  return alias;
}

static void
akkoma_read_alias_async (FerryMoveBackend *self,
                         const char       *actor_uri,
                         const char       *origin_uri,
                         const char       *origin_acct,
                         GTask            *task)
{
  g_task_set_task_data (task, alias_new (origin_uri, origin_acct), (GDestroyNotify) alias_free);
  ferry_client_call_async (ferry_move_backend_get_client (self), "GET",
                           FERRY_PATH_AKKOMA_ALIASES, NULL, g_task_get_cancellable (task),
                           aliases_cb, task);
}

/* An answer to PUT aliases or move_account: an error may come in a 200's body. */
static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryMoveBackend *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);

  if (error == NULL)
    error = ferry_move_backend_error_in_body (self, node);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_task_get_source_tag (task) == ferry_move_backend_add_alias_async)
    g_task_return_int (task, 0);   /* sent: the alias list shows it */
  else
    g_task_return_boolean (task, TRUE);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Alias *alias = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);
  g_autoptr(FerryParams) params = ferry_params_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  /* Not found is for the alias request to say, in its own words. */
  ferry_params_add (params, "alias", alias->origin_acct);
  ferry_client_call_async (FERRY_CLIENT (object), "PUT", FERRY_PATH_AKKOMA_ALIASES, params,
                           g_task_get_cancellable (task), sent_cb, task);
}

static void
akkoma_add_alias_async (FerryMoveBackend *self,
                        const char       *origin_uri,
                        const char       *origin_acct,
                        GTask            *task)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_task_set_task_data (task, alias_new (origin_uri, origin_acct), (GDestroyNotify) alias_free);
  ferry_params_add (params, "q", origin_acct);
  ferry_params_add (params, "type", "accounts");
  ferry_params_add (params, "resolve", "true");
  ferry_params_add (params, "limit", "1");
  ferry_client_call_async (ferry_move_backend_get_client (self), "GET", FERRY_PATH_SEARCH,
                           params, g_task_get_cancellable (task), resolved_cb, task);
}

static void
akkoma_move_async (FerryMoveBackend *self,
                   const char       *target_uri,
                   const char       *target_acct,
                   const char       *password,
                   GTask            *task)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  ferry_params_add (params, "password", password);
  ferry_params_add (params, "target_account", target_acct);
  ferry_client_call_async (ferry_move_backend_get_client (self), "POST",
                           FERRY_PATH_AKKOMA_MOVE, params, g_task_get_cancellable (task),
                           sent_cb, task);
}

static gboolean
says (const GError *error,
      const char   *words)
{
  const char *text = ferry_api_error_get_server_text (error);
  g_autofree char *lower = text ? g_utf8_strdown (text, -1) : NULL;

  return lower != NULL && strstr (lower, words) != NULL;
}

/* util_controller.ex move_account: "Invalid password." and "Target account must have the
 * origin in `alsoKnownAs`" (200), "Target account not found." (404); add_alias: "Account
 * not found" (404). The Pleroma family's "move restart window" is UNVERIFIED (api-facts §8). */
static FerryMoveRefusal
akkoma_classify (FerryMoveBackend *self,
                 const GError     *error,
                 gint64           *until)
{
  if (says (error, "password"))
    return FERRY_MOVE_REFUSAL_WRONG_PASSWORD;
  if (says (error, "alsoknownas") || says (error, "alias"))
    return FERRY_MOVE_REFUSAL_NOT_AN_ALIAS;
  if (says (error, "restart window") || says (error, "cooldown"))
    return FERRY_MOVE_REFUSAL_COOLDOWN;
  if (ferry_api_error_get_http_status (error) == 404 || says (error, "not found"))
    return FERRY_MOVE_REFUSAL_NOT_FOUND;
  return FERRY_MOVE_BACKEND_CLASS (ferry_move_backend_akkoma_parent_class)
           ->classify (self, error, until);
}

static void
ferry_move_backend_akkoma_class_init (FerryMoveBackendAkkomaClass *klass)
{
  FerryMoveBackendClass *backend_class = FERRY_MOVE_BACKEND_CLASS (klass);

  backend_class->way = FERRY_MOVE_WAY_API;
  /* Local followers follow a Move only if they enabled allow_following_move (api-facts §8,
   * lib/pleroma/web/activity_pub/activity_pub.ex move/3). */
  backend_class->incoming = FERRY_MOVE_INCOMING_IF_ALLOWED;
  backend_class->web_step = akkoma_web_step;
  backend_class->read_alias_async = akkoma_read_alias_async;
  backend_class->add_alias_async = akkoma_add_alias_async;
  backend_class->move_async = akkoma_move_async;
  backend_class->classify = akkoma_classify;
}

static void
ferry_move_backend_akkoma_init (FerryMoveBackendAkkoma *self)
{
}
