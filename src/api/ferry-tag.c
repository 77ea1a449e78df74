/* ferry-tag.c: a hashtag: followed or featured (the Tag and FeaturedTag entities)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mastodon app/serializers/rest/tag_serializer.rb, featured_tag_serializer.rb: only the name
 * is used.
 */

#define G_LOG_DOMAIN "ferry-tag"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-model-private.h"
#include "ferry-tag.h"

struct _FerryTag
{
  GObject   parent_instance;

  JsonNode *json;   /* owned: as the server sent it */
  char     *name;
  char     *id;
  char     *url;
};

G_DEFINE_FINAL_TYPE (FerryTag, ferry_tag, G_TYPE_OBJECT)

static void
ferry_tag_finalize (GObject *object)
{
  FerryTag *self = FERRY_TAG (object);

  g_clear_pointer (&self->json, json_node_unref);
  g_free (self->name);
  g_free (self->id);
  g_free (self->url);

  G_OBJECT_CLASS (ferry_tag_parent_class)->finalize (object);
}

static void
ferry_tag_class_init (FerryTagClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_tag_finalize;
}

static void
ferry_tag_init (FerryTag *self)
{
}

/**
 * ferry_tag_new_from_json:
 * @host: the server that sent it, for the error's words
 *
 * Returns: (transfer full): the model, or %NULL with @error when @node is not one
 */
FerryTag *
ferry_tag_new_from_json (const char  *host,
                         JsonNode    *node,
                         GError     **error)
{
  g_autoptr(FerryTag) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      ferry_model_string (json_node_get_object (node), "name") == NULL)
    {
      g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                   _("%s gave an answer Ferry does not understand."), host);
      return NULL;
    }
  object = json_node_get_object (node);
  self = g_object_new (FERRY_TYPE_TAG, NULL);
  self->json = json_node_ref (node);
  self->name = ferry_model_dup_string (object, "name");
  self->id = ferry_model_dup_string (object, "id");
  self->url = ferry_model_dup_string (object, "url");
  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the entity as the server sent it (sealed: read only) */
JsonNode *
ferry_tag_get_json (FerryTag *self)
{
  g_return_val_if_fail (FERRY_IS_TAG (self), NULL);
  return self->json;
}

/* Returns: (nullable): "name" as sent */
const char *
ferry_tag_get_name (FerryTag *self)
{
  g_return_val_if_fail (FERRY_IS_TAG (self), NULL);
  return self->name;
}

/* Returns: (nullable): "id" as sent */
const char *
ferry_tag_get_id (FerryTag *self)
{
  g_return_val_if_fail (FERRY_IS_TAG (self), NULL);
  return self->id;
}

/* Returns: (nullable): "url" as sent */
const char *
ferry_tag_get_url (FerryTag *self)
{
  g_return_val_if_fail (FERRY_IS_TAG (self), NULL);
  return self->url;
}
