/* ferry-client-collections.c: typed calls for what an account has: pages of models with a
 * cursor that can be saved and resumed, every page of a collection, and single posts
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Page sizes are each route's maximum where Mastodon has one (limit_param: twice the
 * default; api-facts §3.5, §4): 80 accounts, 200 domains or tags, 40 posts. Lists and
 * filters are not paged; a list's members come all at once with limit=0
 * (lists/accounts_controller.rb).
 */

#define G_LOG_DOMAIN "ferry-client-collections"

#include "config.h"


#include "ferry-api-error.h"
#include "ferry-client-collections.h"

/* The first page of each collection; "%s" is the owner's id. */
static const char *
first_page (FerryCollection collection)
{
  switch (collection)
    {
    case FERRY_COLLECTION_FOLLOWING:     return "/api/v1/accounts/%s/following?limit=80";
    case FERRY_COLLECTION_FOLLOWERS:     return "/api/v1/accounts/%s/followers?limit=80";
    case FERRY_COLLECTION_BLOCKS:        return "/api/v1/blocks?limit=80";
    case FERRY_COLLECTION_MUTES:         return "/api/v1/mutes?limit=80";
    case FERRY_COLLECTION_DOMAIN_BLOCKS: return "/api/v1/domain_blocks?limit=200";
    case FERRY_COLLECTION_BOOKMARKS:     return "/api/v1/bookmarks?limit=40";
    case FERRY_COLLECTION_FAVOURITES:    return "/api/v1/favourites?limit=40";
    case FERRY_COLLECTION_FOLLOWED_TAGS: return "/api/v1/followed_tags?limit=200";
    case FERRY_COLLECTION_FEATURED_TAGS: return "/api/v1/featured_tags";
    case FERRY_COLLECTION_ENDORSEMENTS:  return "/api/v1/endorsements?limit=80";
    case FERRY_COLLECTION_LISTS:         return "/api/v1/lists";
    case FERRY_COLLECTION_LIST_MEMBERS:  return "/api/v1/lists/%s/accounts?limit=0";
    case FERRY_COLLECTION_FILTERS:       return "/api/v2/filters";
    case FERRY_COLLECTION_STATUSES:      return "/api/v1/accounts/%s/statuses?limit=40";
    case FERRY_COLLECTION_PINNED:        return "/api/v1/accounts/%s/statuses?pinned=true&limit=40";
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
needs_owner (FerryCollection collection)
{
  return collection == FERRY_COLLECTION_FOLLOWING || collection == FERRY_COLLECTION_FOLLOWERS ||
         collection == FERRY_COLLECTION_LIST_MEMBERS || collection == FERRY_COLLECTION_STATUSES ||
         collection == FERRY_COLLECTION_PINNED;
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, &next, &error);
  FerryPage *page = NULL;

  if (node != NULL)
    page = ferry_page_new_from_json (ferry_client_get_host (client),
                                     GPOINTER_TO_INT (g_task_get_task_data (task)), node, next,
                                     &error);
  if (page == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, page, g_object_unref);
}

/**
 * ferry_client_get_page_async:
 * @owner_id: (nullable): the account (or list) whose collection it is, where it has one
 * @cursor: (nullable): a page's ferry_page_get_next(), from this run or a saved one;
 *   %NULL for the first page. A cursor on any other origin fails before it is sent.
 * @io_priority: where the call queues (see ferry_client_call_full_async())
 *
 * One page of @collection.
 */
void
ferry_client_get_page_async (FerryClient         *self,
                             FerryCollection      collection,
                             const char          *owner_id,
                             const char          *cursor,
                             int                  io_priority,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (cursor != NULL || !needs_owner (collection) || owner_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_get_page_async);
  g_task_set_task_data (task, GINT_TO_POINTER (collection), NULL);
  if (cursor == NULL)
    {
      GString *first = g_string_new (first_page (collection));

      if (needs_owner (collection))
        {
          g_autofree char *escaped = g_uri_escape_string (owner_id, NULL, FALSE);

          g_string_replace (first, "%s", escaped, 1);
        }
      path = g_string_free (first, FALSE);
    }
  ferry_client_call_full_async (self, "GET", cursor ? cursor : path, NULL, io_priority,
                                cancellable, page_cb, task);
}

/* Returns: (transfer full): the page, or %NULL with @error in %FERRY_API_ERROR */
FerryPage *
ferry_client_get_page_finish (FerryClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ferry_client_get_page_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  FerryCollection  collection;
  GPtrArray       *items;
  guint            max_items;
} ListAll;

static void
list_all_free (ListAll *all)
{
  g_ptr_array_unref (all->items);
  g_free (all);
}

static void
list_all_page_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListAll *all = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPage) page = ferry_client_get_page_finish (FERRY_CLIENT (object), result,
                                                            &error);
  GPtrArray *items;

  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = ferry_page_get_items (page);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (all->items, all->collection == FERRY_COLLECTION_DOMAIN_BLOCKS
                                   ? g_strdup (g_ptr_array_index (items, i))
                                   : g_object_ref (g_ptr_array_index (items, i)));
  if (ferry_page_get_next (page) != NULL &&
      (all->max_items == 0 || all->items->len < all->max_items))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      ferry_client_get_page_async (FERRY_CLIENT (object), all->collection, NULL,
                                   ferry_page_get_next (page), G_PRIORITY_DEFAULT, cancellable,
                                   list_all_page_cb, g_steal_pointer (&task));
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (all->items), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ferry_client_list_all_async:
 * @max_items: stop once this many are in (0: all)
 *
 * Every page of @collection, one after the other, following the server's Link headers.
 */
void
ferry_client_list_all_async (FerryClient         *self,
                             FerryCollection      collection,
                             const char          *owner_id,
                             guint                max_items,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  ListAll *all;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_list_all_async);
  all = g_new0 (ListAll, 1);
  all->collection = collection;
  all->max_items = max_items;
  all->items = g_ptr_array_new_with_free_func (collection == FERRY_COLLECTION_DOMAIN_BLOCKS
                                                 ? g_free : g_object_unref);
  g_task_set_task_data (task, all, (GDestroyNotify) list_all_free);
  ferry_client_get_page_async (self, collection, owner_id, NULL, G_PRIORITY_DEFAULT, cancellable,
                               list_all_page_cb, task);
}

/* Returns: (transfer full): every item of every page (see ferry_page_get_items()) */
GPtrArray *
ferry_client_list_all_finish (FerryClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ferry_client_list_all_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  FerryStatus *status = NULL;

  if (node != NULL)
    status = ferry_status_new_from_json (ferry_client_get_host (client), node, &error);
  if (status == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, status, g_object_unref);
}

static char *
status_path (const char *id,
             const char *what)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/api/v1/statuses/", escaped, what, NULL);
}

/* One post, by its id on this server (GET /api/v1/statuses/:id). */
void
ferry_client_get_status_async (FerryClient         *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_get_status_async);
  path = status_path (id, "");
  ferry_client_call_async (self, "GET", path, NULL, cancellable, status_cb, task);
}

/* Returns: (transfer full): the post, or %NULL with @error in %FERRY_API_ERROR */
FerryStatus *
ferry_client_get_status_finish (FerryClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_get_status_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The answer as sent, when it is a JSON node of the kind wanted; another kind is no answer
 * (NULL without an error), as Ferry has always taken it for these. */
static void
node_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  JsonNodeType wanted = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (JSON_NODE_TYPE (node) != wanted)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
}

/**
 * ferry_client_get_status_history_async:
 *
 * A post's edits (GET /api/v1/statuses/:id/history), kept by a backup as sent.
 */
void
ferry_client_get_status_history_async (FerryClient         *self,
                                       const char          *id,
                                       int                  io_priority,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_get_status_history_async);
  g_task_set_task_data (task, GINT_TO_POINTER (JSON_NODE_ARRAY), NULL);
  path = status_path (id, "/history");
  ferry_client_call_full_async (self, "GET", path, NULL, io_priority, cancellable, node_cb, task);
}

/* Returns: (transfer full) (nullable): the StatusEdit array as sent (sealed); %NULL with
 *   @error, or without one when the answer was no array */
JsonNode *
ferry_client_get_status_history_finish (FerryClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_get_status_history_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The account's preferences (GET /api/v1/preferences: posting defaults, reading expansions). */
void
ferry_client_get_preferences_async (FerryClient         *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_get_preferences_async);
  g_task_set_task_data (task, GINT_TO_POINTER (JSON_NODE_OBJECT), NULL);
  ferry_client_call_async (self, "GET", "/api/v1/preferences", NULL, cancellable, node_cb, task);
}

/* Returns: (transfer full) (nullable): the Preferences object as sent (sealed); %NULL with
 *   @error, or without one when the answer was no object */
JsonNode *
ferry_client_get_preferences_finish (FerryClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_get_preferences_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
