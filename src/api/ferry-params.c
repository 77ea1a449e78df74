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
};

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
      g_autofree char *value = g_uri_escape_string (g_ptr_array_index (self->pairs, i + 1), NULL, FALSE);

      g_string_append_printf (str, "%s%s=%s", str->len ? "&" : "", key, value);
    }
  return g_string_free (str, FALSE);
}
