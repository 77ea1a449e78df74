/* ferry-list.c: a list of accounts (the List entity)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mastodon app/serializers/rest/list_serializer.rb: id, title, replies_policy, exclusive (4.2+).
 */

#define G_LOG_DOMAIN "ferry-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-model-private.h"
#include "ferry-list.h"

struct _FerryList
{
  GObject   parent_instance;

  JsonNode *json;   /* owned: as the server sent it */
  char     *id;
  char     *title;
  char     *replies_policy;
  gboolean  exclusive;
  gboolean  has_exclusive;   /* the server sent it (4.2+) */
};

G_DEFINE_FINAL_TYPE (FerryList, ferry_list, G_TYPE_OBJECT)

static void
ferry_list_finalize (GObject *object)
{
  FerryList *self = FERRY_LIST (object);

  g_clear_pointer (&self->json, json_node_unref);
  g_free (self->id);
  g_free (self->title);
  g_free (self->replies_policy);

  G_OBJECT_CLASS (ferry_list_parent_class)->finalize (object);
}

static void
ferry_list_class_init (FerryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_list_finalize;
}

static void
ferry_list_init (FerryList *self)
{
}

/**
 * ferry_list_new_from_json:
 * @host: the server that sent it, for the error's words
 *
 * Returns: (transfer full): the model, or %NULL with @error when @node is not one
 */
FerryList *
ferry_list_new_from_json (const char  *host,
                          JsonNode    *node,
                          GError     **error)
{
  g_autoptr(FerryList) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      ferry_model_string (json_node_get_object (node), "id") == NULL)
    {
      g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                   _("%s gave an answer Ferry does not understand."), host);
      return NULL;
    }
  object = json_node_get_object (node);
  self = g_object_new (FERRY_TYPE_LIST, NULL);
  self->json = json_node_ref (node);
  self->id = ferry_model_dup_string (object, "id");
  self->title = ferry_model_dup_string (object, "title");
  self->replies_policy = ferry_model_dup_string (object, "replies_policy");
  self->exclusive = ferry_model_bool (object, "exclusive", FALSE);
  self->has_exclusive = json_object_has_member (object, "exclusive");
  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the entity as the server sent it (sealed: read only) */
JsonNode *
ferry_list_get_json (FerryList *self)
{
  g_return_val_if_fail (FERRY_IS_LIST (self), NULL);
  return self->json;
}

/* Returns: (nullable): "id" as sent */
const char *
ferry_list_get_id (FerryList *self)
{
  g_return_val_if_fail (FERRY_IS_LIST (self), NULL);
  return self->id;
}

/* Returns: (nullable): "title" as sent */
const char *
ferry_list_get_title (FerryList *self)
{
  g_return_val_if_fail (FERRY_IS_LIST (self), NULL);
  return self->title;
}

/* Returns: (nullable): "replies_policy" as sent */
const char *
ferry_list_get_replies_policy (FerryList *self)
{
  g_return_val_if_fail (FERRY_IS_LIST (self), NULL);
  return self->replies_policy;
}

/* Returns: "exclusive"; FALSE when not sent */
gboolean
ferry_list_get_exclusive (FerryList *self)
{
  g_return_val_if_fail (FERRY_IS_LIST (self), FALSE);
  return self->exclusive;
}

/* Whether the server said if the list is exclusive (Mastodon 4.2+), or left it out */
gboolean
ferry_list_has_exclusive (FerryList *self)
{
  g_return_val_if_fail (FERRY_IS_LIST (self), FALSE);
  return self->has_exclusive;
}
