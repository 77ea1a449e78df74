/* ferry-move-backend-gts.c: GoToSocial's alias and move API
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * internal/api/client/accounts/accountalias.go and accountmove.go (api-facts §8). The alias
 * shows in verify_credentials' source.also_known_as_uris. The alias request's list replaces
 * the account's whole list (an empty one clears it, internal/processing/account/alias.go),
 * so the aliases it has are read first and sent again; the form key is bare and repeated
 * (FERRY_GTS_ALIAS_FIELD); the answer is the account, whose list must then hold them all.
 */

#define G_LOG_DOMAIN "ferry-move-backend"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-move-backend-gts.h"
#include "ferry-move-endpoints.h"
#include "ferry-params.h"

/* internal/processing/workers/fromfediapi_move.go: one Move between the same accounts in
 * 5 minutes. */
#define GTS_ATTEMPT_WINDOW (5 * 60)

struct _FerryMoveBackendGts
{
  FerryMoveBackend parent_instance;
};

G_DEFINE_FINAL_TYPE (FerryMoveBackendGts, ferry_move_backend_gts, FERRY_TYPE_MOVE_BACKEND)

static FerryMovedReads
gts_moved_reads (FerryMoveBackend *self)
{
  return FERRY_MOVED_READS_ALLOWED;
}

static FerryMoveWebStep *
gts_web_step (FerryMoveBackend *self,
              FerryMoveWebPage     page,
              const char       *acct,
              const char       *other_acct)
{
  return NULL;   /* alias and move through the API; no page cancels a redirect */
}

/* gotosocial: settings /settings/user/migration hold an alias and a move only; no API
 * clears moved_to_uri; processing/account/move.go refuses a move to an account that has
 * itself moved (moveTargetMoved); workers/fromfediapi_move.go processes a Move between the
 * same two accounts at most once in 5 minutes, and not again for 7 days after one
 * succeeded. */
static char *
gts_redirect_refusal (FerryMoveBackend *self,
                      const char       *acct)
{
  FerryServerInfo *info = ferry_move_backend_get_info (self);
  const char *host = ferry_client_get_host (ferry_move_backend_get_client (self));

  return g_strdup_printf (_("%s runs GoToSocial %s, which has no way to cancel a redirect: its "
                            "migration settings offer only an alias and a move, and it refuses a "
                            "move to an account that has itself moved. A move back to %s needs "
                            "the admin of %s to clear the redirect first. After that, GoToSocial "
                            "servers act on a Move between the same two accounts at most once in "
                            "5 minutes, and not again for 7 days after one went through."),
                          host, info ? ferry_server_info_get_version (info) : "", acct, host);
}

/* The account's aliases; an empty list where it has none (GoToSocial leaves the member
 * out); %NULL where the answer is not understood. */
static JsonArray *
aliases_of (JsonNode *account)
{
  JsonObject *object = account && JSON_NODE_HOLDS_OBJECT (account)
                         ? json_node_get_object (account) : NULL;
  JsonNode *source = object ? json_object_get_member (object, "source") : NULL;
  JsonNode *list;

  if (source == NULL || !JSON_NODE_HOLDS_OBJECT (source))
    return NULL;
  list = json_object_get_member (json_node_get_object (source), "also_known_as_uris");
  if (list == NULL || JSON_NODE_HOLDS_NULL (list))
    return json_array_new ();
  if (!JSON_NODE_HOLDS_ARRAY (list))
    return NULL;
  return json_array_ref (json_node_get_array (list));
}

static const char *
string_at (JsonArray *list,
           guint      i)
{
  JsonNode *node = json_array_get_element (list, i);

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

static gboolean
list_has (JsonArray  *list,
          const char *uri)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (g_strcmp0 (string_at (list, i), uri) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  char      *origin_uri;
  JsonArray *before;   /* the aliases the account had: none may be lost */
} Alias;

static void
alias_free (Alias *alias)
{
  g_free (alias->origin_uri);
  g_clear_pointer (&alias->before, json_array_unref);
  g_free (alias);
}

static void
read_alias_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Alias *alias = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);
  g_autoptr(JsonArray) list = node ? aliases_of (node) : NULL;

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, list_has (list, alias->origin_uri));
}

static void
gts_read_alias_async (FerryMoveBackend *self,
                      const char       *actor_uri,
                      const char       *origin_uri,
                      const char       *origin_acct,
                      GTask            *task)
{
  Alias *alias = g_new0 (Alias, 1);

  alias->origin_uri = g_strdup (origin_uri);
  g_task_set_task_data (task, alias, (GDestroyNotify) alias_free);
  ferry_client_call_async (ferry_move_backend_get_client (self), "GET",
                           FERRY_PATH_VERIFY_CREDENTIALS, NULL, g_task_get_cancellable (task),
                           read_alias_cb, task);
}

static void
alias_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Alias *alias = g_task_get_task_data (task);
  const char *host = ferry_client_get_host (FERRY_CLIENT (object));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);
  g_autoptr(JsonArray) now = NULL;
  g_autoptr(GString) lost = g_string_new (NULL);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  now = aliases_of (node);
  for (guint i = 0; alias->before != NULL && i < json_array_get_length (alias->before); i++)
    {
      const char *uri = string_at (alias->before, i);

      if (uri != NULL && !list_has (now, uri))
        g_string_append_printf (lost, "%s%s", lost->len ? ", " : "", uri);
    }
  if (lost->len > 0)
    g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                             _("%s answered, but its aliases no longer list %s. Add them again "
                               "in its settings under Migration."), host, lost->str);
  else if (!list_has (now, alias->origin_uri))
    g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                             _("%s answered, but its aliases do not list %s. The alias is not "
                               "made; try again, or add it in its settings under Migration."),
                             host, alias->origin_uri);
  else
    g_task_return_int (task, 1);
}

static void
aliases_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Alias *alias = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *acct = NULL;

  alias->before = node ? aliases_of (node) : NULL;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (alias->before == NULL)
    {
      /* Sent blind, the list would replace aliases Ferry cannot see. */
      g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                               _("Ferry could not read the aliases %s already has, so it "
                                 "changed nothing (%s)."),
                               ferry_move_backend_get_acct (g_task_get_source_object (task)),
                               error ? error->message : _("no list in the answer"));
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < json_array_get_length (alias->before); i++)
    {
      const char *uri = string_at (alias->before, i);

      if (uri != NULL && g_strcmp0 (uri, alias->origin_uri) != 0)
        ferry_params_add (params, FERRY_GTS_ALIAS_FIELD, uri);
    }
  ferry_params_add (params, FERRY_GTS_ALIAS_FIELD, alias->origin_uri);
  ferry_client_call_async (FERRY_CLIENT (object), "POST", FERRY_PATH_GTS_ALIAS, params,
                           g_task_get_cancellable (task), alias_sent_cb, task);
}

static void
gts_add_alias_async (FerryMoveBackend *self,
                     const char       *origin_uri,
                     const char       *origin_acct,
                     GTask            *task)
{
  Alias *alias = g_new0 (Alias, 1);

  alias->origin_uri = g_strdup (origin_uri);
  g_task_set_task_data (task, alias, (GDestroyNotify) alias_free);
  ferry_client_call_async (ferry_move_backend_get_client (self), "GET",
                           FERRY_PATH_VERIFY_CREDENTIALS, NULL, g_task_get_cancellable (task),
                           aliases_read_cb, task);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL,
                                                       &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);   /* 202: the move is worked off afterwards */
}

static void
gts_move_async (FerryMoveBackend *self,
                const char       *target_uri,
                const char       *target_acct,
                const char       *password,
                GTask            *task)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  ferry_params_add (params, "password", password);
  ferry_params_add (params, "moved_to_uri", target_uri);
  ferry_client_call_async (ferry_move_backend_get_client (self), "POST", FERRY_PATH_GTS_MOVE,
                           params, g_task_get_cancellable (task), moved_cb, task);
}

static gboolean
says (const GError *error,
      const char   *words)
{
  const char *text = ferry_api_error_get_server_text (error);
  g_autofree char *lower = text ? g_utf8_strdown (text, -1) : NULL;

  return lower != NULL && strstr (lower, words) != NULL;
}

/* internal/processing/account/move.go and alias.go: gtserror.NewErrorBadRequest (400) for
 * the password, NewErrorUnprocessableEntity (422) for the rules, each with its sentence;
 * the 7 days and 5 minutes as in workers/fromfediapi_move.go (tests/fedisim). */
static FerryMoveRefusal
gts_classify (FerryMoveBackend *self,
              const GError     *error,
              gint64           *until)
{
  guint status = ferry_api_error_get_http_status (error);

  if ((status == 400 || status == 401) && says (error, "password"))
    return FERRY_MOVE_REFUSAL_WRONG_PASSWORD;
  if (status == 422 && says (error, "within the last 5 minutes"))
    {
      *until = g_get_real_time () / G_USEC_PER_SEC + GTS_ATTEMPT_WINDOW;
      return FERRY_MOVE_REFUSAL_RATE_LIMITED;
    }
  if (status == 422 && says (error, "within the last 7 days"))
    return FERRY_MOVE_REFUSAL_COOLDOWN;   /* since a move Ferry may have seen: the caller */
  if (status == 422 && (says (error, "not aliased") || says (error, "alsoknownas")))
    return FERRY_MOVE_REFUSAL_NOT_AN_ALIAS;
  if (status == 422 && (says (error, "already moved") || says (error, "itself moved")))
    return FERRY_MOVE_REFUSAL_TARGET_MOVED;
  if (status == 422 && (says (error, "dereferenc") || says (error, "could not be")))
    return FERRY_MOVE_REFUSAL_NOT_FOUND;
  return FERRY_MOVE_BACKEND_CLASS (ferry_move_backend_gts_parent_class)
           ->classify (self, error, until);
}

static void
ferry_move_backend_gts_class_init (FerryMoveBackendGtsClass *klass)
{
  FerryMoveBackendClass *backend_class = FERRY_MOVE_BACKEND_CLASS (klass);

  backend_class->way = FERRY_MOVE_WAY_API;
  backend_class->moved_reads = gts_moved_reads;
  backend_class->web_step = gts_web_step;
  backend_class->redirect_refusal = gts_redirect_refusal;
  backend_class->read_alias_async = gts_read_alias_async;
  backend_class->add_alias_async = gts_add_alias_async;
  backend_class->move_async = gts_move_async;
  backend_class->classify = gts_classify;
}

static void
ferry_move_backend_gts_init (FerryMoveBackendGts *self)
{
}
