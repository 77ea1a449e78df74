/* ferry-client-search.c: search with resolve (WebFinger or the post's address, on the
 * server's side), and an actor's document fetched as ActivityPub
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mastodon app/controllers/api/v2/search_controller.rb: resolve needs a user token; limit
 * defaults to 20, at most 40 (api-facts §3.3, §4).
 */

#define G_LOG_DOMAIN "ferry-client-search"

#include "config.h"

#include "ferry-account.h"
#include "ferry-client-search.h"
#include "ferry-model-private.h"
#include "ferry-status.h"

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  FerrySearchType type = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  g_autoptr(GPtrArray) found = NULL;
  JsonArray *array;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  found = g_ptr_array_new_with_free_func (g_object_unref);
  array = ferry_model_array (JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                             type == FERRY_SEARCH_ACCOUNTS ? "accounts" : "statuses");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer model = type == FERRY_SEARCH_ACCOUNTS
                         ? (gpointer) ferry_account_new_from_json (ferry_client_get_host (client),
                                                                   element, NULL)
                         : (gpointer) ferry_status_new_from_json (ferry_client_get_host (client),
                                                                  element, NULL);

      if (model != NULL)
        g_ptr_array_add (found, model);
    }
  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ferry_client_resolve_async:
 * @query: an address ("user@host") or a post's ActivityPub id
 * @limit: how many results at most (0: the server's default)
 *
 * GET /api/v2/search?q=…&type=…&resolve=true: the server looks it up where it lives.
 */
void
ferry_client_resolve_async (FerryClient         *self,
                            const char          *query,
                            FerrySearchType      type,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_resolve_async);
  g_task_set_task_data (task, GINT_TO_POINTER (type), NULL);
  ferry_params_add (params, "q", query);
  ferry_params_add (params, "type", type == FERRY_SEARCH_ACCOUNTS ? "accounts" : "statuses");
  ferry_params_add (params, "resolve", "true");
  if (limit > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", limit);

      ferry_params_add (params, "limit", text);
    }
  ferry_client_call_async (self, "GET", "/api/v2/search", params, cancellable, resolved_cb,
                           task);
}

/**
 * ferry_client_resolve_finish:
 *
 * Returns: (transfer full) (element-type GObject): what was found (#FerryAccount or
 *   #FerryStatus), maybe nothing; %NULL with @error when the search failed
 */
GPtrArray *
ferry_client_resolve_finish (FerryClient   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ferry_client_resolve_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
actor_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ferry_client_get_bytes_finish (client, result, &error);
  FerryActor *actor = NULL;

  if (bytes != NULL)
    actor = ferry_actor_new_from_bytes (ferry_client_get_host (client), bytes, &error);
  if (actor == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, actor, g_object_unref);
}

/**
 * ferry_client_get_actor_async:
 * @uri: the actor's ActivityPub id (https)
 *
 * The actor's document, unsigned (with authorized fetch the server refuses it: AUTH or
 * FORBIDDEN).
 */
void
ferry_client_get_actor_async (FerryClient         *self,
                              const char          *uri,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_get_actor_async);
  ferry_client_get_activity_async (self, uri, cancellable, actor_cb, task);
}

/* Returns: (transfer full): the actor, or %NULL with @error */
FerryActor *
ferry_client_get_actor_finish (FerryClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ferry_client_get_actor_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
