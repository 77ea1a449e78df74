/* ferry-filter.c: a filter, v2 (the Filter entity with its keywords and posts)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mastodon app/serializers/rest/filter_serializer.rb (api-facts §4): title, context,
 * filter_action, expires_at, keywords[] {keyword, whole_word}, statuses[] {status_id}.
 */

#define G_LOG_DOMAIN "ferry-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-model-private.h"
#include "ferry-filter.h"

struct _FerryFilter
{
  GObject   parent_instance;

  JsonNode *json;   /* owned: as the server sent it */
  char     *id;
  char     *title;
  char     *expires_at;
  char     *action;
  GStrv     context;
  GPtrArray *keywords;      /* Keyword */
  GStrv      status_ids;
};

G_DEFINE_FINAL_TYPE (FerryFilter, ferry_filter, G_TYPE_OBJECT)

static void
ferry_filter_finalize (GObject *object)
{
  FerryFilter *self = FERRY_FILTER (object);

  g_clear_pointer (&self->json, json_node_unref);
  g_free (self->id);
  g_free (self->title);
  g_free (self->expires_at);
  g_free (self->action);
  g_strfreev (self->context);
  g_clear_pointer (&self->keywords, g_ptr_array_unref);
  g_strfreev (self->status_ids);

  G_OBJECT_CLASS (ferry_filter_parent_class)->finalize (object);
}

static void
ferry_filter_class_init (FerryFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_filter_finalize;
}

static void
ferry_filter_init (FerryFilter *self)
{
}

typedef struct
{
  char     *keyword;
  gboolean  whole_word;
} Keyword;

static void
keyword_free (Keyword *keyword)
{
  g_free (keyword->keyword);
  g_free (keyword);
}

/**
 * ferry_filter_new_from_json:
 * @host: the server that sent it, for the error's words
 *
 * Returns: (transfer full): the model, or %NULL with @error when @node is not one
 */
FerryFilter *
ferry_filter_new_from_json (const char  *host,
                            JsonNode    *node,
                            GError     **error)
{
  g_autoptr(FerryFilter) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                   _("%s gave an answer Ferry does not understand."), host);
      return NULL;
    }
  object = json_node_get_object (node);
  self = g_object_new (FERRY_TYPE_FILTER, NULL);
  self->json = json_node_ref (node);
  self->id = ferry_model_dup_string (object, "id");
  self->title = ferry_model_dup_string (object, "title");
  self->expires_at = ferry_model_dup_string (object, "expires_at");
  self->action = ferry_model_dup_string (object, "filter_action");
  self->context = ferry_model_strv (object, "context");
  self->keywords = g_ptr_array_new_with_free_func ((GDestroyNotify) keyword_free);
  {
    JsonArray *keywords = ferry_model_array (object, "keywords");
    JsonArray *statuses = ferry_model_array (object, "statuses");
    g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

    for (guint i = 0; keywords != NULL && i < json_array_get_length (keywords); i++)
      {
        JsonNode *element = json_array_get_element (keywords, i);
        JsonObject *entry = JSON_NODE_HOLDS_OBJECT (element)
                              ? json_node_get_object (element) : NULL;
        Keyword *keyword;

        if (entry == NULL)
          continue;
        keyword = g_new0 (Keyword, 1);
        keyword->keyword = g_strdup (ferry_model_string (entry, "keyword") ?: "");
        keyword->whole_word = ferry_model_bool (entry, "whole_word", FALSE);
        g_ptr_array_add (self->keywords, keyword);
      }
    for (guint i = 0; statuses != NULL && i < json_array_get_length (statuses); i++)
      {
        JsonNode *element = json_array_get_element (statuses, i);
        JsonObject *entry = JSON_NODE_HOLDS_OBJECT (element)
                              ? json_node_get_object (element) : NULL;
        const char *id = ferry_model_string (entry, "status_id");

        if (id != NULL)
          g_strv_builder_add (ids, id);
      }
    self->status_ids = g_strv_builder_end (ids);
  }
  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the entity as the server sent it (sealed: read only) */
JsonNode *
ferry_filter_get_json (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  return self->json;
}

/* Returns: (nullable): "id" as sent */
const char *
ferry_filter_get_id (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  return self->id;
}

/* Returns: (nullable): "title" as sent */
const char *
ferry_filter_get_title (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  return self->title;
}

/* Returns: (nullable): "expires_at" as sent */
const char *
ferry_filter_get_expires_at (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  return self->expires_at;
}

/* Returns: (nullable): "filter_action" as sent */
const char *
ferry_filter_get_action (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  return self->action;
}

/* Returns: (nullable) (transfer none): the strings of "context"; %NULL when not sent */
const char * const *
ferry_filter_get_context (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  return (const char * const *) self->context;
}

guint
ferry_filter_get_n_keywords (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), 0);
  return self->keywords->len;
}

const char *
ferry_filter_get_keyword (FerryFilter *self,
                          guint        index)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  g_return_val_if_fail (index < self->keywords->len, NULL);
  return ((Keyword *) g_ptr_array_index (self->keywords, index))->keyword;
}

gboolean
ferry_filter_get_whole_word (FerryFilter *self,
                             guint        index)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), FALSE);
  g_return_val_if_fail (index < self->keywords->len, FALSE);
  return ((Keyword *) g_ptr_array_index (self->keywords, index))->whole_word;
}

/* Returns: (transfer none): the ids of the posts the filter names (statuses[].status_id) */
const char * const *
ferry_filter_get_status_ids (FerryFilter *self)
{
  g_return_val_if_fail (FERRY_IS_FILTER (self), NULL);
  return (const char * const *) self->status_ids;
}
