/* ferry-relationship.c: how the signed-in account stands to another (the Relationship entity)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mastodon app/serializers/rest/relationship_serializer.rb (api-facts §3.4). A member a
 * server leaves out takes Mastodon's default for it: boosts shown (reblogs: true), no
 * notifications for new posts (notify: false), notifications hidden with a mute
 * (notifications: true); every other flag false.
 */

#define G_LOG_DOMAIN "ferry-relationship"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-model-private.h"
#include "ferry-relationship.h"

struct _FerryRelationship
{
  GObject   parent_instance;

  JsonNode *json;          /* owned: as the server sent it */
  char     *id;
  char     *note;          /* nullable; "" is no note */
  GStrv     languages;     /* nullable: not sent, or null (every language) */
  guint     following : 1;
  guint     showing_reblogs : 1;
  guint     notifying : 1;
  guint     followed_by : 1;
  guint     blocking : 1;
  guint     blocked_by : 1;
  guint     muting : 1;
  guint     muting_notifications : 1;
  guint     requested : 1;
  guint     domain_blocking : 1;
  guint     endorsed : 1;
};

G_DEFINE_FINAL_TYPE (FerryRelationship, ferry_relationship, G_TYPE_OBJECT)

static void
ferry_relationship_finalize (GObject *object)
{
  FerryRelationship *self = FERRY_RELATIONSHIP (object);

  g_clear_pointer (&self->json, json_node_unref);
  g_free (self->id);
  g_free (self->note);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (ferry_relationship_parent_class)->finalize (object);
}

static void
ferry_relationship_class_init (FerryRelationshipClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_relationship_finalize;
}

static void
ferry_relationship_init (FerryRelationship *self)
{
}

/**
 * ferry_relationship_new_from_json:
 * @host: the server that sent it, for the error's words
 *
 * Returns: (transfer full): the relationship, or %NULL with @error when @node is not one
 *   (not an object, or no string id)
 */
FerryRelationship *
ferry_relationship_new_from_json (const char  *host,
                                  JsonNode    *node,
                                  GError     **error)
{
  g_autoptr(FerryRelationship) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      ferry_model_string (json_node_get_object (node), "id") == NULL)
    {
      g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                   _("%s described a relationship in a way Ferry does not understand."), host);
      return NULL;
    }
  object = json_node_get_object (node);
  self = g_object_new (FERRY_TYPE_RELATIONSHIP, NULL);
  self->json = json_node_ref (node);
  self->id = ferry_model_dup_string (object, "id");
  self->note = ferry_model_dup_string (object, "note");
  self->languages = ferry_model_strv (object, "languages");
  self->following = ferry_model_bool (object, "following", FALSE);
  self->showing_reblogs = ferry_model_bool (object, "showing_reblogs", TRUE);
  self->notifying = ferry_model_bool (object, "notifying", FALSE);
  self->followed_by = ferry_model_bool (object, "followed_by", FALSE);
  self->blocking = ferry_model_bool (object, "blocking", FALSE);
  self->blocked_by = ferry_model_bool (object, "blocked_by", FALSE);
  self->muting = ferry_model_bool (object, "muting", FALSE);
  self->muting_notifications = ferry_model_bool (object, "muting_notifications", TRUE);
  self->requested = ferry_model_bool (object, "requested", FALSE);
  self->domain_blocking = ferry_model_bool (object, "domain_blocking", FALSE);
  self->endorsed = ferry_model_bool (object, "endorsed", FALSE);
  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the entity as the server sent it (sealed: read only) */
JsonNode *
ferry_relationship_get_json (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), NULL);
  return self->json;
}

const char *
ferry_relationship_get_id (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), NULL);
  return self->id;
}

gboolean
ferry_relationship_get_following (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->following;
}

gboolean
ferry_relationship_get_showing_reblogs (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), TRUE);
  return self->showing_reblogs;
}

gboolean
ferry_relationship_get_notifying (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->notifying;
}

/* Returns: (nullable) (transfer none): the languages the follow shows; %NULL: all */
const char * const *
ferry_relationship_get_languages (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), NULL);
  return (const char * const *) self->languages;
}

gboolean
ferry_relationship_get_followed_by (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->followed_by;
}

gboolean
ferry_relationship_get_blocking (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->blocking;
}

gboolean
ferry_relationship_get_blocked_by (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->blocked_by;
}

gboolean
ferry_relationship_get_muting (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->muting;
}

gboolean
ferry_relationship_get_muting_notifications (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), TRUE);
  return self->muting_notifications;
}

gboolean
ferry_relationship_get_requested (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->requested;
}

gboolean
ferry_relationship_get_domain_blocking (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->domain_blocking;
}

gboolean
ferry_relationship_get_endorsed (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), FALSE);
  return self->endorsed;
}

/* Returns: (nullable): the private note about the account; %NULL or "" for none */
const char *
ferry_relationship_get_note (FerryRelationship *self)
{
  g_return_val_if_fail (FERRY_IS_RELATIONSHIP (self), NULL);
  return self->note;
}

/* Returns: (nullable) (transfer none): the relationship with the account @id in
 *   @relationships (#FerryRelationship), or %NULL */
FerryRelationship *
ferry_relationship_find (GPtrArray  *relationships,
                         const char *id)
{
  for (guint i = 0; relationships != NULL && id != NULL && i < relationships->len; i++)
    {
      FerryRelationship *rel = g_ptr_array_index (relationships, i);

      if (g_str_equal (rel->id, id))
        return rel;
    }
  return NULL;
}
