/* ferry-client-accounts.c: typed calls about accounts: who is signed in, looking one up,
 * relationships
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call is one request through ferry_client_call_full_async() (the origin rule, the
 * budget, the retries are the client's), and its answer is parsed once, here, into models.
 */

#define G_LOG_DOMAIN "ferry-client-accounts"

#include "config.h"

#include "ferry-client-accounts.h"

#define PATH_VERIFY_CREDENTIALS "/api/v1/accounts/verify_credentials"
#define PATH_LOOKUP             "/api/v1/accounts/lookup"
#define PATH_RELATIONSHIPS      "/api/v1/accounts/relationships"

static void
account_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  FerryAccount *account = NULL;

  if (node != NULL)
    account = ferry_account_new_from_json (ferry_client_get_host (client), node, &error);
  if (account == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, account, g_object_unref);
}

/**
 * ferry_client_verify_credentials_async:
 *
 * The signed-in account (GET /api/v1/accounts/verify_credentials). After a Mastodon move
 * the token is refused there with %FERRY_API_ERROR_FORBIDDEN (api-facts §0.2).
 */
void
ferry_client_verify_credentials_async (FerryClient         *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_verify_credentials_async);
  ferry_client_call_async (self, "GET", PATH_VERIFY_CREDENTIALS, NULL, cancellable,
                           account_cb, task);
}

/* Returns: (transfer full): the account, or %NULL with @error in %FERRY_API_ERROR */
FerryAccount *
ferry_client_verify_credentials_finish (FerryClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_verify_credentials_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_client_lookup_account_async:
 * @acct: "user" for an account of this server, "user@host" for one it knows
 *
 * An account the server already knows (GET /api/v1/accounts/lookup; no WebFinger, 404
 * otherwise: api-facts §3.3). Public: works without a token, and on a moved account.
 */
void
ferry_client_lookup_account_async (FerryClient         *self,
                                   const char          *acct,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(FerryParams) params = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (acct != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_lookup_account_async);
  params = ferry_params_new ();
  ferry_params_add (params, "acct", acct);
  ferry_client_call_async (self, "GET", PATH_LOOKUP, params, cancellable, account_cb, task);
}

/* Returns: (transfer full): the account, or %NULL with @error in %FERRY_API_ERROR */
FerryAccount *
ferry_client_lookup_account_finish (FerryClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_lookup_account_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
relationships_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  g_autoptr(GPtrArray) relationships = NULL;
  JsonArray *array;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  relationships = g_ptr_array_new_with_free_func (g_object_unref);
  /* What is not a list of relationships tells nothing about any account: none is known,
   * as Ferry always took it (a server that has no such route answers 404 instead). */
  array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      FerryRelationship *rel =
        ferry_relationship_new_from_json (ferry_client_get_host (client),
                                          json_array_get_element (array, i), NULL);

      if (rel != NULL)
        g_ptr_array_add (relationships, rel);
    }
  g_task_return_pointer (task, g_steal_pointer (&relationships),
                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ferry_client_get_relationships_async:
 * @ids: the accounts' ids on this server (one request: at most
 *   %FERRY_RELATIONSHIPS_BATCH is what Ferry asks at once)
 * @io_priority: where the call queues (see ferry_client_call_full_async())
 *
 * How the signed-in account stands to each (GET /api/v1/accounts/relationships?id[]=…).
 */
void
ferry_client_get_relationships_async (FerryClient         *self,
                                      const char * const  *ids,
                                      int                  io_priority,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(FerryParams) params = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (ids != NULL && ids[0] != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_get_relationships_async);
  params = ferry_params_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    ferry_params_add (params, "id[]", ids[i]);
  ferry_client_call_full_async (self, "GET", PATH_RELATIONSHIPS, params, io_priority,
                                cancellable, relationships_cb, task);
}

/**
 * ferry_client_get_relationships_finish:
 *
 * Returns: (transfer full) (element-type FerryRelationship): those the server described
 *   (in its order; entries without an id left out), or %NULL with @error
 */
GPtrArray *
ferry_client_get_relationships_finish (FerryClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_get_relationships_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
