/* ferry-page.c: one page of a collection, its items parsed into models, and where the next
 * one is
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cursor is the server's own Link: next (Mastodon's max_id is a row id, not an account
 * id: api-facts §3.5), kept as a full URL so that a journal can save it and a later run go
 * on from it; the client checks every such URL against the account's origin before sending.
 * An empty page ends the collection, whatever its Link says.
 */

#define G_LOG_DOMAIN "ferry-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-account.h"
#include "ferry-api-error.h"
#include "ferry-filter.h"
#include "ferry-list.h"
#include "ferry-page.h"
#include "ferry-status.h"
#include "ferry-tag.h"

struct _FerryPage
{
  GObject          parent_instance;

  FerryCollection  collection;
  GPtrArray       *items;    /* owned: models (strings for domain blocks) */
  char            *next;     /* nullable: the last page */
  guint            n_sent;   /* entries on the page, understood or not */
};

G_DEFINE_FINAL_TYPE (FerryPage, ferry_page, G_TYPE_OBJECT)

static void
ferry_page_finalize (GObject *object)
{
  FerryPage *self = FERRY_PAGE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->next);

  G_OBJECT_CLASS (ferry_page_parent_class)->finalize (object);
}

static void
ferry_page_class_init (FerryPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_page_finalize;
}

static void
ferry_page_init (FerryPage *self)
{
}

/* One entry as its model, or NULL for one that is not (left out of the page). */
static gpointer
parse_item (const char      *host,
            FerryCollection  collection,
            JsonNode        *node)
{
  switch (collection)
    {
    case FERRY_COLLECTION_DOMAIN_BLOCKS:
      /* mastodon domain_blocks_controller.rb: plain strings */
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
               ? g_strdup (json_node_get_string (node)) : NULL;
    case FERRY_COLLECTION_BOOKMARKS:
    case FERRY_COLLECTION_FAVOURITES:
    case FERRY_COLLECTION_STATUSES:
    case FERRY_COLLECTION_PINNED:
      return ferry_status_new_from_json (host, node, NULL);
    case FERRY_COLLECTION_FOLLOWED_TAGS:
    case FERRY_COLLECTION_FEATURED_TAGS:
      return ferry_tag_new_from_json (host, node, NULL);
    case FERRY_COLLECTION_LISTS:
      return ferry_list_new_from_json (host, node, NULL);
    case FERRY_COLLECTION_FILTERS:
      return ferry_filter_new_from_json (host, node, NULL);
    case FERRY_COLLECTION_FOLLOWING:
    case FERRY_COLLECTION_FOLLOWERS:
    case FERRY_COLLECTION_BLOCKS:
    case FERRY_COLLECTION_MUTES:
    case FERRY_COLLECTION_ENDORSEMENTS:
    case FERRY_COLLECTION_LIST_MEMBERS:
    default:
      return ferry_account_new_from_json (host, node, NULL);
    }
}

/**
 * ferry_page_new_from_json:
 * @host: the server that sent it
 * @node: the answer: an array
 * @next: (nullable): its Link: next
 *
 * Returns: (transfer full): the page, or %NULL with %FERRY_API_ERROR_BAD_RESPONSE when
 *   @node is no array
 */
FerryPage *
ferry_page_new_from_json (const char       *host,
                          FerryCollection   collection,
                          JsonNode         *node,
                          const char       *next,
                          GError          **error)
{
  g_autoptr(FerryPage) self = NULL;
  JsonArray *array;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                   _("%s gave an answer Ferry does not understand."), host);
      return NULL;
    }
  array = json_node_get_array (node);
  self = g_object_new (FERRY_TYPE_PAGE, NULL);
  self->collection = collection;
  self->items = g_ptr_array_new_with_free_func (collection == FERRY_COLLECTION_DOMAIN_BLOCKS
                                                  ? g_free : g_object_unref);
  self->n_sent = json_array_get_length (array);
  for (guint i = 0; i < self->n_sent; i++)
    {
      gpointer item = parse_item (host, collection, json_array_get_element (array, i));

      if (item != NULL)
        g_ptr_array_add (self->items, item);
    }
  self->next = self->n_sent > 0 && next != NULL && next[0] != '\0' ? g_strdup (next) : NULL;
  return g_steal_pointer (&self);
}

FerryCollection
ferry_page_get_collection (FerryPage *self)
{
  g_return_val_if_fail (FERRY_IS_PAGE (self), 0);

  return self->collection;
}

/**
 * ferry_page_get_items:
 *
 * Returns: (transfer none): the entries understood, in the server's order: the models
 *   #FerryCollection names (strings for domain blocks)
 */
GPtrArray *
ferry_page_get_items (FerryPage *self)
{
  g_return_val_if_fail (FERRY_IS_PAGE (self), NULL);

  return self->items;
}

/* Returns: (nullable): the next page's full URL, to ask for or to save; %NULL: the last */
const char *
ferry_page_get_next (FerryPage *self)
{
  g_return_val_if_fail (FERRY_IS_PAGE (self), NULL);

  return self->next;
}

/* How many entries the server put on the page, understood or not. */
guint
ferry_page_get_n_sent (FerryPage *self)
{
  g_return_val_if_fail (FERRY_IS_PAGE (self), 0);

  return self->n_sent;
}

/* Keeps the first @n_items and makes this the last page (a caller that has what it needs). */
void
ferry_page_truncate (FerryPage *self,
                     guint      n_items)
{
  g_return_if_fail (FERRY_IS_PAGE (self));

  if (n_items < self->items->len)
    g_ptr_array_set_size (self->items, n_items);
  g_clear_pointer (&self->next, g_free);
}
