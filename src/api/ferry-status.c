/* ferry-status.c: a post (the Status entity), as far as Ferry reads it
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mastodon app/serializers/rest/status_serializer.rb. The rest of it stays in the node it was
 * parsed from, which a backup keeps as sent.
 */

#define G_LOG_DOMAIN "ferry-status"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-model-private.h"
#include "ferry-status.h"

struct _FerryStatus
{
  GObject   parent_instance;

  JsonNode *json;   /* owned: as the server sent it */
  char     *id;
  char     *uri;
  char     *url;
  char     *created_at;
  char     *edited_at;
  char     *account_acct;   /* the author's acct, as sent */
  GPtrArray *media;         /* MediaRef */
  gboolean   bookmarked;    /* by the signed-in account (when the server says) */
};

G_DEFINE_FINAL_TYPE (FerryStatus, ferry_status, G_TYPE_OBJECT)

static void
ferry_status_finalize (GObject *object)
{
  FerryStatus *self = FERRY_STATUS (object);

  g_clear_pointer (&self->json, json_node_unref);
  g_free (self->id);
  g_free (self->uri);
  g_free (self->url);
  g_free (self->created_at);
  g_free (self->edited_at);
  g_free (self->account_acct);
  g_clear_pointer (&self->media, g_ptr_array_unref);

  G_OBJECT_CLASS (ferry_status_parent_class)->finalize (object);
}

static void
ferry_status_class_init (FerryStatusClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_status_finalize;
}

static void
ferry_status_init (FerryStatus *self)
{
}

typedef struct
{
  char *id;    /* nullable: not a string (snac sends numbers) */
  char *url;
} MediaRef;

static void
media_ref_free (MediaRef *ref)
{
  g_free (ref->id);
  g_free (ref->url);
  g_free (ref);
}

/**
 * ferry_status_new_from_json:
 * @host: the server that sent it, for the error's words
 *
 * Returns: (transfer full): the model, or %NULL with @error when @node is not one
 */
FerryStatus *
ferry_status_new_from_json (const char  *host,
                            JsonNode    *node,
                            GError     **error)
{
  g_autoptr(FerryStatus) self = NULL;
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
  self = g_object_new (FERRY_TYPE_STATUS, NULL);
  self->json = json_node_ref (node);
  self->id = ferry_model_dup_string (object, "id");
  self->uri = ferry_model_dup_string (object, "uri");
  self->url = ferry_model_dup_string (object, "url");
  self->created_at = ferry_model_dup_string (object, "created_at");
  self->edited_at = ferry_model_dup_string (object, "edited_at");
  self->account_acct = ferry_model_dup_string (ferry_model_object (object, "account"), "acct");
  self->bookmarked = ferry_model_bool (object, "bookmarked", FALSE);
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) media_ref_free);
  {
    JsonArray *media = ferry_model_array (object, "media_attachments");

    for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
      {
        JsonNode *element = json_array_get_element (media, i);
        JsonObject *attachment = JSON_NODE_HOLDS_OBJECT (element)
                                   ? json_node_get_object (element) : NULL;
        MediaRef *ref = g_new0 (MediaRef, 1);

        ref->id = ferry_model_dup_string (attachment, "id");
        ref->url = ferry_model_dup_string (attachment, "url");
        g_ptr_array_add (self->media, ref);
      }
  }
  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the entity as the server sent it (sealed: read only) */
JsonNode *
ferry_status_get_json (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  return self->json;
}

/* Returns: (nullable): "id" as sent */
const char *
ferry_status_get_id (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  return self->id;
}

/* Returns: (nullable): "uri" as sent */
const char *
ferry_status_get_uri (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  return self->uri;
}

/* Returns: (nullable): "url" as sent */
const char *
ferry_status_get_url (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  return self->url;
}

/* Returns: (nullable): "created_at" as sent */
const char *
ferry_status_get_created_at (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  return self->created_at;
}

/* Returns: (nullable): "edited_at" as sent */
const char *
ferry_status_get_edited_at (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  return self->edited_at;
}

/* Returns: (nullable): the author's acct, as sent */
const char *
ferry_status_get_account_acct (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  return self->account_acct;
}

/* Returns: whether the signed-in account has bookmarked it (FALSE when not said) */
gboolean
ferry_status_get_bookmarked (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), FALSE);
  return self->bookmarked;
}

/* Returns: how many attachments the post has (media_attachments) */
guint
ferry_status_get_n_media (FerryStatus *self)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), 0);
  return self->media->len;
}

/* Returns: (nullable): the attachment's id, when it is a string */
const char *
ferry_status_get_media_id (FerryStatus *self,
                           guint        index)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  g_return_val_if_fail (index < self->media->len, NULL);
  return ((MediaRef *) g_ptr_array_index (self->media, index))->id;
}

/* Returns: (nullable): the attachment's file address */
const char *
ferry_status_get_media_url (FerryStatus *self,
                            guint        index)
{
  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);
  g_return_val_if_fail (index < self->media->len, NULL);
  return ((MediaRef *) g_ptr_array_index (self->media, index))->url;
}

/* A copy that can be changed: the client's answers are sealed. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *m = members; m != NULL; m = m->next)
        json_object_set_member (object, m->data,
                                deep_copy (json_object_get_member (json_node_get_object (node),
                                                                   m->data)));
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, object);
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      JsonArray *array = json_array_sized_new (json_array_get_length (source));

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (array, deep_copy (json_array_get_element (source, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, array);
      return copy;
    }
  return json_node_copy (node);
}

/**
 * ferry_status_dup_archive:
 * @local_files: (nullable) (array length=n_files): where each attachment's file is kept,
 *   by index (%NULL: none), added to it as "local_file"
 *
 * The post as the server sent it, member by member in its order, less its author (the
 * account itself, in a backup of its posts), for an archive to keep.
 *
 * Returns: (transfer full): a new object; what it shares with the answer is read only,
 *   except the attachments, which are copies
 */
JsonObject *
ferry_status_dup_archive (FerryStatus        *self,
                          const char * const *local_files,
                          guint               n_files)
{
  JsonObject *item;
  JsonObject *out;
  g_autoptr(GList) members = NULL;
  JsonArray *media;

  g_return_val_if_fail (FERRY_IS_STATUS (self), NULL);

  item = json_node_get_object (self->json);
  out = json_object_new ();
  members = json_object_get_members (item);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *name = m->data;

      if (g_str_equal (name, "account"))
        continue;
      /* Only the attachments change (their file is added); the rest is shared, not copied. */
      if (g_str_equal (name, "media_attachments"))
        json_object_set_member (out, name, deep_copy (json_object_get_member (item, name)));
      else
        json_object_set_member (out, name, json_node_ref (json_object_get_member (item, name)));
    }
  media = ferry_model_array (out, "media_attachments");
  for (guint i = 0; media != NULL && i < json_array_get_length (media) && i < n_files; i++)
    {
      JsonNode *element = json_array_get_element (media, i);

      if (local_files[i] != NULL && JSON_NODE_HOLDS_OBJECT (element))
        json_object_set_string_member (json_node_get_object (element), "local_file",
                                       local_files[i]);
    }
  return out;
}
