package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/**
 * Guide §6.4: {@code class Usuario(Base)} with {@code pedidos = relationship("Pedido",
 * back_populates="usuario")}. The same table and columns as chapter 5's
 * {@link org.jalchemy.examples.guide.modelos.Usuario} (so either model can read the other's rows),
 * plus the relationship; the two are never registered together (a registry maps a table once).
 */
// tag::usuario[]
@Entity(table = "usuarios")
public class Usuario {
    @Id
    public Integer id;
    @Column(length = 50)
    public String nombre;
    @Column(length = 100)
    public String correo;

    @Relationship(backPopulates = "usuario", orderBy = "id")   // pedidos = relationship("Pedido", back_populates="usuario")
    public List<Pedido> pedidos = new ArrayList<>();

    protected Usuario() {
    }

    public Usuario(String nombre, String correo) {
        this.nombre = nombre;
        this.correo = correo;
    }
}
// end::usuario[]
