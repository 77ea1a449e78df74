/* ferry-params.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-params"

#include "config.h"

#include "ferry-params.h"

struct _FerryParams
{
  gatomicrefcount  ref_count;
  GPtrArray       *pairs;   /* key, value, key, value… (owned) */
  GPtrArray       *files;   /* FilePart* (owned), for a multipart form */
  char            *idempotency_key;  /* sent as the Idempotency-Key header, not in the form */
};

typedef struct
{
  char   *key;
  char   *filename;
  char   *content_type;
  GBytes *data;
} FilePart;

static void
file_part_free (FilePart *part)
{
  g_free (part->key);
  g_free (part->filename);
  g_free (part->content_type);
  g_bytes_unref (part->data);
  g_free (part);
}

G_DEFINE_BOXED_TYPE (FerryParams, ferry_params, ferry_params_ref, ferry_params_unref)

FerryParams *
ferry_params_new (void)
{
  FerryParams *self = g_new0 (FerryParams, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->pairs = g_ptr_array_new_with_free_func (g_free);
  return self;
}

FerryParams *
ferry_params_ref (FerryParams *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ferry_params_unref (FerryParams *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->pairs);
      g_clear_pointer (&self->files, g_ptr_array_unref);
      g_free (self->idempotency_key);
      g_free (self);
    }
}

/* Returns @self, so that calls chain. */
FerryParams *
ferry_params_add (FerryParams *self,
                  const char  *key,
                  const char  *value)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, self);

  g_ptr_array_add (self->pairs, g_strdup (key));
  g_ptr_array_add (self->pairs, g_strdup (value ? value : ""));
  return self;
}

FerryParams *
ferry_params_add_bool (FerryParams *self,
                       const char  *key,
                       gboolean     value)
{
  return ferry_params_add (self, key, value ? "true" : "false");
}

/* application/x-www-form-urlencoded, which is also a query string. */
char *
ferry_params_encode (FerryParams *self)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i + 1 < self->pairs->len; i += 2)
    {
      g_autofree char *key = g_uri_escape_string (g_ptr_array_index (self->pairs, i), "[]", FALSE);
      g_autofree char *value =
        g_uri_escape_string (g_ptr_array_index (self->pairs, i + 1), NULL, FALSE);

      g_string_append_printf (str, "%s%s=%s", str->len ? "&" : "", key, value);
    }
  return g_string_free (str, FALSE);
}

/**
 * ferry_params_add_file:
 * @filename: the name the server is told
 * @content_type: (nullable): its MIME type; application/octet-stream when %NULL
 *
 * A file, which makes the request a multipart form (avatars, CSV imports).
 */
FerryParams *
ferry_params_add_file (FerryParams *self,
                       const char  *key,
                       const char  *filename,
                       const char  *content_type,
                       GBytes      *data)
{
  FilePart *part;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL && filename != NULL && data != NULL, self);

  if (self->files == NULL)
    self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_part_free);
  part = g_new0 (FilePart, 1);
  part->key = g_strdup (key);
  part->filename = g_strdup (filename);
  part->content_type = g_strdup (content_type ? content_type : "application/octet-stream");
  part->data = g_bytes_ref (data);
  g_ptr_array_add (self->files, part);
  return self;
}

gboolean
ferry_params_has_files (FerryParams *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->files != NULL && self->files->len > 0;
}

/**
 * ferry_params_to_multipart:
 *
 * Returns: (transfer full): the fields, then the files, as multipart/form-data
 */
SoupMultipart *
ferry_params_to_multipart (FerryParams *self)
{
  SoupMultipart *multipart;

  g_return_val_if_fail (self != NULL, NULL);

  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  for (guint i = 0; i + 1 < self->pairs->len; i += 2)
    soup_multipart_append_form_string (multipart, g_ptr_array_index (self->pairs, i),
                                       g_ptr_array_index (self->pairs, i + 1));
  for (guint i = 0; self->files != NULL && i < self->files->len; i++)
    {
      FilePart *part = g_ptr_array_index (self->files, i);

      soup_multipart_append_form_file (multipart, part->key, part->filename, part->content_type,
                                       part->data);
    }
  return multipart;
}

/**
 * ferry_params_set_idempotency_key:
 * @key: (nullable): what the server keeps to answer a repeat with the first result
 *
 * The request goes out with an `Idempotency-Key` header: Mastodon keeps it an hour per account
 * and answers a repeat (a retry after a lost answer) with the status it already made
 * (community-facts §3.1). GoToSocial ignores it (§3.4), so callers still check.
 *
 * Returns: @self
 */
FerryParams *
ferry_params_set_idempotency_key (FerryParams *self,
                                  const char  *key)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_free (self->idempotency_key);
  self->idempotency_key = g_strdup (key);
  return self;
}

const char *
ferry_params_get_idempotency_key (FerryParams *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->idempotency_key;
}
