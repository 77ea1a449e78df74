/* ferry-model-private.h: reading members of a server's JSON, for the model parsers of src/api
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reader takes what has the expected type and nothing else: a number where a string
 * belongs is absent, not converted.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Returns: (nullable) (transfer none): @name of @object when it is a string */
static inline const char *
ferry_model_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static inline char *
ferry_model_dup_string (JsonObject *object,
                        const char *name)
{
  return g_strdup (ferry_model_string (object, name));
}

/* A count: negative and absent are 0. */
static inline gint64
ferry_model_count (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return MAX (json_node_get_int (node), 0);
}

static inline gboolean
ferry_model_bool (JsonObject *object,
                  const char *name,
                  gboolean    absent)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return absent;
  return json_node_get_boolean (node);
}

/* Returns: (nullable): the object member @name, or NULL */
static inline JsonObject *
ferry_model_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Returns: (nullable): the array member @name, or NULL */
static inline JsonArray *
ferry_model_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Returns: (nullable): the strings of the array member @name (others left out), or NULL
 * when there is no such array */
static inline GStrv
ferry_model_strv (JsonObject *object,
                  const char *name)
{
  JsonArray *array = ferry_model_array (object, name);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (array == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

G_END_DECLS
