/* ferry-actor.c: an ActivityPub actor as its server serves it: who it says it also is, and
 * where it moved
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mastodon app/serializers/activitypub/actor_serializer.rb: alsoKnownAs is an array of
 * URIs; other servers send a single string (JSON-LD compaction), which is taken as a list of
 * one. movedTo is a URI (api-facts §7, checking the result).
 */

#define G_LOG_DOMAIN "ferry-actor"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-actor.h"
#include "ferry-api-error.h"
#include "ferry-model-private.h"

struct _FerryActor
{
  GObject  parent_instance;

  char    *id;
  char    *preferred_username;
  GStrv    also_known_as;   /* never NULL */
  char    *moved_to;
};

G_DEFINE_FINAL_TYPE (FerryActor, ferry_actor, G_TYPE_OBJECT)

static void
ferry_actor_finalize (GObject *object)
{
  FerryActor *self = FERRY_ACTOR (object);

  g_free (self->id);
  g_free (self->preferred_username);
  g_strfreev (self->also_known_as);
  g_free (self->moved_to);

  G_OBJECT_CLASS (ferry_actor_parent_class)->finalize (object);
}

static void
ferry_actor_class_init (FerryActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_actor_finalize;
}

static void
ferry_actor_init (FerryActor *self)
{
}

static gboolean
bad (const char  *host,
     GError     **error)
{
  g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
               _("%s gave an answer Ferry does not understand."), host);
  return FALSE;
}

/**
 * ferry_actor_new_from_json:
 *
 * Returns: (transfer full): the actor, or %NULL with @error when @node is none (no id)
 */
FerryActor *
ferry_actor_new_from_json (const char  *host,
                           JsonNode    *node,
                           GError     **error)
{
  g_autoptr(FerryActor) self = NULL;
  JsonObject *object;
  const char *single;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      ferry_model_string (json_node_get_object (node), "id") == NULL)
    {
      bad (host, error);
      return NULL;
    }
  object = json_node_get_object (node);
  self = g_object_new (FERRY_TYPE_ACTOR, NULL);
  self->id = ferry_model_dup_string (object, "id");
  self->preferred_username = ferry_model_dup_string (object, "preferredUsername");
  self->moved_to = ferry_model_dup_string (object, "movedTo");
  self->also_known_as = ferry_model_strv (object, "alsoKnownAs");
  single = ferry_model_string (object, "alsoKnownAs");
  if (self->also_known_as == NULL)
    self->also_known_as = single ? g_strdupv ((char *[]) { (char *) single, NULL })
                                 : g_new0 (char *, 1);
  return g_steal_pointer (&self);
}

/* Returns: (transfer full): the actor from a fetched document, or %NULL with @error */
FerryActor *
ferry_actor_new_from_bytes (const char  *host,
                            GBytes      *bytes,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  /* json-glib parses recursively: a document nested too deep is refused before it is read. */
  if (data == NULL || ferry_api_json_too_deep (data, size, FERRY_API_MAX_JSON_DEPTH) ||
      !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    {
      bad (host, error);
      return NULL;
    }
  return ferry_actor_new_from_json (host, json_parser_get_root (parser), error);
}

const char *
ferry_actor_get_id (FerryActor *self)
{
  g_return_val_if_fail (FERRY_IS_ACTOR (self), NULL);
  return self->id;
}

/* Returns: (nullable) */
const char *
ferry_actor_get_preferred_username (FerryActor *self)
{
  g_return_val_if_fail (FERRY_IS_ACTOR (self), NULL);
  return self->preferred_username;
}

/* Returns: (transfer none): the aliases (alsoKnownAs), maybe none */
const char * const *
ferry_actor_get_also_known_as (FerryActor *self)
{
  g_return_val_if_fail (FERRY_IS_ACTOR (self), NULL);
  return (const char * const *) self->also_known_as;
}

/* Returns: (nullable): the actor it moved to (movedTo) */
const char *
ferry_actor_get_moved_to (FerryActor *self)
{
  g_return_val_if_fail (FERRY_IS_ACTOR (self), NULL);
  return self->moved_to;
}

/* Whether @uri is among the aliases. */
gboolean
ferry_actor_is_also_known_as (FerryActor *self,
                              const char *uri)
{
  g_return_val_if_fail (FERRY_IS_ACTOR (self), FALSE);
  return uri != NULL && g_strv_contains ((const char * const *) self->also_known_as, uri);
}
