/* ferry-transfer-profile.c: the profile's form, checked against the new server's limits,
 * and GoToSocial's import form
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: the backup's profile.json.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-csv.h"
#include "ferry-transfer-private.h"

static JsonArray *
fields_of (JsonObject *profile)
{
  JsonNode *node = json_object_get_member (profile, "fields");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/**
 * ferry_transfer_check_profile:
 *
 * Returns: (transfer full) (nullable): what does not fit the new server, in words, for the
 *   person to edit; %NULL when it all fits. Nothing is ever cut short silently.
 */
char *
ferry_transfer_check_profile (FerryTransfer *self,
                              Item          *item)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  JsonArray *fields = fields_of (item->data);
  const char *name = ferry_transfer_string_member (item->data, "display_name");
  const char *note = ferry_transfer_string_member (item->data, "note");
  guint max_fields = ferry_server_info_get_max_profile_fields (self->info);
  guint max_name = ferry_server_info_get_max_display_name (self->info);
  guint max_note = ferry_server_info_get_max_note (self->info);

  if (fields != NULL && max_fields > 0 && json_array_get_length (fields) > max_fields)
    g_string_append_printf (problems,
                            ngettext ("The profile has %u field; %s allows %u. ",
                                      "The profile has %u fields; %s allows %u. ",
                                      json_array_get_length (fields)),
                            json_array_get_length (fields), ferry_client_get_host (self->client),
                            max_fields);
  if (name != NULL && max_name > 0 && g_utf8_strlen (name, -1) > max_name)
    g_string_append_printf (problems,
                            _("The display name is longer than the %u characters %s allows. "),
                            max_name, ferry_client_get_host (self->client));
  if (note != NULL && max_note > 0 && g_utf8_strlen (note, -1) > max_note)
    g_string_append_printf (problems, _("The bio is longer than the %u characters %s allows. "),
                            max_note, ferry_client_get_host (self->client));
  if (problems->len == 0)
    return NULL;
  g_string_append (problems, _("Edit the profile on the new account, then transfer the rest."));
  return g_string_free (g_steal_pointer (&problems), FALSE);
}

static void
add_image (FerryParams *params,
           const char  *key,
           GBytes      *data)
{
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *filename = NULL;

  if (data == NULL)
    return;
  type = g_content_type_guess (NULL, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL);
  mime = g_content_type_get_mime_type (type);
  if (mime == NULL || !g_str_has_prefix (mime, "image/"))
    {
      g_free (mime);
      mime = g_strdup ("image/png");
    }
  filename = g_strconcat (key, ".", strchr (mime, '/') + 1, NULL);
  ferry_params_add_file (params, key, filename, mime, data);
}

/**
 * ferry_transfer_profile_params:
 *
 * The update_credentials form (api-facts §3.2): name, plain-text bio, fields, flags, posting
 * defaults; the pictures go each in their own (ferry_transfer_picture_params()). "locked" is left
 * as it is: a locked new account turns moving followers into requests, and the person is told so
 * instead.
 */
FerryParams *
ferry_transfer_profile_params (FerryTransfer *self,
                               Item          *item)
{
  FerryParams *params = ferry_params_new ();
  JsonObject *profile = item->data;
  JsonArray *fields = fields_of (profile);
  JsonNode *defaults = json_object_get_member (profile, "posting_defaults");
  const char *flags[] = { "bot", "discoverable", "indexable", "hide_collections" };

  if (ferry_transfer_string_member (profile, "display_name"))
    ferry_params_add (params, "display_name",
                      ferry_transfer_string_member (profile, "display_name"));
  if (ferry_transfer_string_member (profile, "note"))
    ferry_params_add (params, "note", ferry_transfer_string_member (profile, "note"));
  for (guint i = 0; fields && i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      g_autofree char *name_key = g_strdup_printf ("fields_attributes[%u][name]", i);
      g_autofree char *value_key = g_strdup_printf ("fields_attributes[%u][value]", i);

      ferry_params_add (params, name_key, ferry_transfer_string_member (field, "name"));
      ferry_params_add (params, value_key, ferry_transfer_string_member (field, "value"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (json_object_has_member (profile, flags[i]))
      ferry_params_add_bool (params, flags[i], json_object_get_boolean_member (profile, flags[i]));
  if (defaults != NULL && JSON_NODE_HOLDS_OBJECT (defaults))
    {
      JsonObject *d = json_node_get_object (defaults);

      if (ferry_transfer_string_member (d, "privacy"))
        ferry_params_add (params, "source[privacy]", ferry_transfer_string_member (d, "privacy"));
      if (json_object_has_member (d, "sensitive"))
        ferry_params_add_bool (params, "source[sensitive]",
                               json_object_get_boolean_member (d, "sensitive"));
      if (ferry_transfer_string_member (d, "language"))
        ferry_params_add (params, "source[language]", ferry_transfer_string_member (d, "language"));
    }
  if (ferry_transfer_string_member (profile, "avatar_description"))
    ferry_params_add (params, "avatar_description",
                      ferry_transfer_string_member (profile, "avatar_description"));
  if (ferry_transfer_string_member (profile, "header_description"))
    ferry_params_add (params, "header_description",
                      ferry_transfer_string_member (profile, "header_description"));
  return params;
}

/**
 * ferry_transfer_picture_params:
 * @which: 1 for the avatar, 2 for the header
 *
 * One picture in its own update_credentials form, so that a picture the server refuses
 * (GoToSocial's 422) costs only itself, never the name and bio.
 *
 * Returns: (transfer full) (nullable): the form, or %NULL when the backup has no such picture
 */
FerryParams *
ferry_transfer_picture_params (FerryTransfer *self,
                               Item          *item,
                               guint          which)
{
  GBytes *data = which == 1 ? item->avatar : item->header;
  FerryParams *params;

  if (data == NULL || g_bytes_get_size (data) == 0)
    return NULL;
  params = ferry_params_new ();
  add_image (params, which == 1 ? "avatar" : "header", data);
  return params;
}

/**
 * ferry_transfer_import_csv:
 *
 * GoToSocial's import file (api-facts §8): the item's members, in Mastodon's CSV.
 *
 * Returns: (transfer full): the file
 */
GBytes *
ferry_transfer_import_csv (FerryTransfer *self,
                           Item          *item)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autofree char *csv = NULL;
  Cat cat = CAT_FOLLOWING;
  gsize length;

  for (guint i = 0; i < item->members->len; i++)
    {
      Item *member = g_ptr_array_index (item->members, i);

      cat = member->cat;
      g_ptr_array_add (members, member);
    }
  csv = ferry_transfer_csv_for (members, cat);
  length = csv ? strlen (csv) : 0;
  return g_bytes_new_take (g_steal_pointer (&csv), length);
}
